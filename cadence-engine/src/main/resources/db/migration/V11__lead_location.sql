-- The lead's postal code (a field of leads.received since it was added; older leads keep it in their custom
-- answers), the places the lead may be in (several when the phone and postal code disagree: SMS and calls
-- then go only when every place's window is open), and what told us, for the timeline.
alter table lead add column postal_code text;
alter table lead add column postal_country text;
alter table lead add column contact_places text;
alter table lead add column location_basis text;
