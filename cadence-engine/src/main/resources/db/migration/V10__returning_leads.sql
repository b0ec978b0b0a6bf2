-- Returning leads: a lead whose phone or email matches a recent lead is merged into it. One row per
-- normalized phone (E.164) and email (lower case) names the lead that owns it; the unique key makes
-- two registrations of the same person serialize on that row, so only one of them owns it.
create table contact_identity (
    kind            text        not null check (kind in ('phone', 'email')),
    value           text        not null,
    lead_id         uuid        not null references lead (id),
    -- the owner's latest inquiry: a match counts when this is within the returning-lead window
    last_inquiry_at timestamptz not null,
    primary key (kind, value)
);
create index contact_identity_lead on contact_identity (lead_id);

insert into contact_identity (kind, value, lead_id, last_inquiry_at)
select distinct on (phone_e164) 'phone', phone_e164, id, received_at
from lead where phone_e164 is not null
order by phone_e164, received_at desc;

insert into contact_identity (kind, value, lead_id, last_inquiry_at)
select distinct on (lower(email)) 'email', lower(email), id, received_at
from lead where email is not null
order by lower(email), received_at desc;

-- a merged inquiry keeps its own row (its id may be in links already) and names the surviving lead
alter table lead add column merged_into_lead_id uuid references lead (id);

-- a touch answering a later inquiry of its lead (the "came back" alert): speed is counted from that inquiry
alter table touch add column inquiry_lead_id uuid references lead (id);
