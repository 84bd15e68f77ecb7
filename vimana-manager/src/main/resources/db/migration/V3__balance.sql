-- The balancing daemon: its settings, and every decision it made (plans and their moves).
-- Portable between H2 2.x and PostgreSQL 12+.

-- One row (id = 1) once an operator has changed the settings; defaults apply until then.
CREATE TABLE balance_settings (
  id              INT           PRIMARY KEY,
  balance_mode    VARCHAR(20)   NOT NULL,
  strategy        VARCHAR(100)  NOT NULL,
  aggressiveness  INT           NOT NULL,
  interval_s      BIGINT        NOT NULL,
  updated_at      TIMESTAMP     NOT NULL
);

CREATE TABLE balance_plans (
  id              VARCHAR(36)   PRIMARY KEY,
  created_at      TIMESTAMP     NOT NULL,
  trigger_kind    VARCHAR(20)   NOT NULL,
  balance_mode    VARCHAR(20)   NOT NULL,
  strategy        VARCHAR(100)  NOT NULL,
  status          VARCHAR(20)   NOT NULL,
  imbalance       DOUBLE PRECISION NOT NULL,
  -- The strategy's notes, one per line.
  notes           VARCHAR(8000) NOT NULL,
  applied_at      TIMESTAMP,
  ended_at        TIMESTAMP,
  message         VARCHAR(4000) NOT NULL
);
CREATE INDEX balance_plans_created ON balance_plans (created_at);

-- Hosts by name, as the plan named them (a plan is a record of what was decided, not a link).
CREATE TABLE balance_moves (
  plan_id         VARCHAR(36)   NOT NULL REFERENCES balance_plans (id),
  seq             INT           NOT NULL,
  vm_id           VARCHAR(36)   NOT NULL,
  vm_name         VARCHAR(63)   NOT NULL,
  source_host     VARCHAR(63)   NOT NULL,
  target_host     VARCHAR(63)   NOT NULL,
  reason          VARCHAR(20)   NOT NULL,
  detail          VARCHAR(4000) NOT NULL,
  expected_gain   DOUBLE PRECISION NOT NULL,
  estimated_s     DOUBLE PRECISION NOT NULL,
  outcome         VARCHAR(20)   NOT NULL,
  outcome_message VARCHAR(4000) NOT NULL,
  migration_id    VARCHAR(36),
  started_at      TIMESTAMP,
  ended_at        TIMESTAMP,
  PRIMARY KEY (plan_id, seq)
);
