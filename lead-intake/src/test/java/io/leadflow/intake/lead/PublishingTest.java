package io.leadflow.intake.lead;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/** A test that reads what intake published on {@code leads.received}, and may move the clock. */
public abstract class PublishingTest {

    protected LeadsTopic topic;

    @BeforeEach
    void openTopic() {
        topic = LeadsTopic.open();
    }

    @AfterEach
    void closeTopicAndResetClock() {
        topic.close();
        FixedClock.reset();
    }
}
