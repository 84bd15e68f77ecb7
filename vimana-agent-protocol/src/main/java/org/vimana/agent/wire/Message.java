package org.vimana.agent.wire;

/** Any message on the agent channel. */
public sealed interface Message permits Request, Reply, Event {}
