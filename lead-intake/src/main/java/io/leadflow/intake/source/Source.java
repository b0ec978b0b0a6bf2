package io.leadflow.intake.source;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A configured origin of leads, as the edge needs it (Panache active record). */
@Entity
@Table(name = "source")
public class Source extends PanacheEntityBase {

    @Id
    public String id;

    public String name;

    @Column(name = "form_key")
    public String formKey;

    @Column(name = "default_country")
    public String defaultCountry;

    @Column(name = "default_time_zone")
    public String defaultTimeZone;

    @Column(name = "consent_text")
    public String consentText;

    /** Space-separated web origins allowed to post the form from JavaScript. */
    @Column(name = "allowed_origins")
    public String allowedOrigins;

    @Column(name = "thank_you_url")
    public String thankYouUrl;

    @Column(name = "leads_per_minute")
    public int leadsPerMinute;

    @Column(name = "leads_per_minute_ip")
    public int leadsPerMinuteIp;

    @Column(name = "leads_per_hour_phone")
    public int leadsPerHourPhone;

    @Column(name = "sms_leads_per_day")
    public int smsLeadsPerDay;

    @Column(name = "form_min_age_ms")
    public long formMinAgeMs;

    @Column(name = "form_max_age_ms")
    public long formMaxAgeMs;

    @Column(name = "meta_app_secret")
    public String metaAppSecret;

    @Column(name = "meta_page_access_token")
    public String metaPageAccessToken;

    /** JSON object: lead field -> JSON pointer into a generic webhook's body (see {@code FieldMapping}). */
    @Column(name = "field_mapping")
    public String fieldMapping;

    @Column(name = "webhook_secret")
    public String webhookSecret;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "updated_at")
    public Instant updatedAt;
}
