-- The reps an unclaimed lead passed from (they did not claim it within the claim SLA): its later
-- escalations never offer it to them again, whatever the source's routing strategy.
create table lead_passed_rep (
    lead_id   uuid        not null references lead (id),
    rep_id    uuid        not null references rep (id),
    passed_at timestamptz not null,
    primary key (lead_id, rep_id)
);
