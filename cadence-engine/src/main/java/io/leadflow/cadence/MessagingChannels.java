package io.leadflow.cadence;

/** SmallRye channel names; each maps to the Kafka topic of the same meaning in application.properties. */
public final class MessagingChannels {

    public static final String LEADS_RECEIVED = "leads-received";
    public static final String TOUCHES_DUE = "touches-due";
    public static final String TOUCHES_DUE_PRIORITY = "touches-due-priority";
    public static final String TOUCHES_RESULTS = "touches-results";
    public static final String LEADS_ACTIVITY = "leads-activity";
    /** The same topic as {@link #LEADS_ACTIVITY}: the engine publishes rep actions there. */
    public static final String LEADS_ACTIVITY_OUT = "leads-activity-out";
    /**
     * The worker pool of the consumers that write to the database. Its concurrency is capped below
     * the connection pool (smallrye.messaging.worker.database-workers.max-concurrency): unbounded
     * workers each held a connection while waiting for the routing lock, until the pool ran dry.
     */
    public static final String DATABASE_WORKERS = "database-workers";

    private MessagingChannels() {
    }
}
