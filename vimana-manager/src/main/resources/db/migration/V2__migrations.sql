-- Live migrations: one row per request, kept as the VM's migration history.
CREATE TABLE migrations (
  id              VARCHAR(36)   PRIMARY KEY,
  vm_id           VARCHAR(36)   NOT NULL,
  vm_name         VARCHAR(63)   NOT NULL,
  source_host_id  VARCHAR(36)   NOT NULL,
  target_host_id  VARCHAR(36)   NOT NULL,
  state           VARCHAR(20)   NOT NULL,
  max_downtime_ms BIGINT        NOT NULL,
  bandwidth_mib_s BIGINT        NOT NULL,
  requested_at    TIMESTAMP     NOT NULL,
  ended_at        TIMESTAMP,
  total_ms        BIGINT,
  downtime_ms     BIGINT,
  transferred_mib BIGINT,
  message         VARCHAR(4000) NOT NULL
);
CREATE INDEX migrations_vm ON migrations (vm_id, requested_at);
