-- The lead's US state (from the phone's area code) for the state's own contact hours, and a
-- source's holidays, skipped like the window's closed hours.
alter table lead add column us_state text;
alter table source_settings add column holidays date[] not null default '{}';
