-- Reps and teams managed through the API, and routing strategies per source: a rep has a time zone,
-- working hours per weekday, an on/off switch and a weight; a team has an on-call rep; a source
-- picks a strategy and a team; a lead keeps why its rep was chosen.

-- on = takes new leads (off: their unclaimed leads go to another rep); "active" stays the account
-- switch that sign-in checks
alter table rep add column on_duty boolean not null default true;
alter table rep add column time_zone text not null default 'UTC';
-- {"monday": {"from": "09:00", "to": "17:00"}, …}; a day not listed is off; null: no hours set (always within hours)
alter table rep add column working_hours_json text;
alter table rep add column weight int not null default 1 check (weight between 1 and 100);
-- smooth weighted round robin: the rep's running credit, changed only under the team's row lock
alter table rep add column weighted_credit bigint not null default 0;

alter table team add column on_call_rep_id uuid references rep (id);

-- round-robin, weighted, rules or availability; the team the strategy picks from; the rules as JSON
alter table source_settings add column routing_strategy text not null default 'round-robin'
    check (routing_strategy in ('round-robin', 'weighted', 'rules', 'availability'));
alter table source_settings add column team_id text not null default 'default' references team (id);
alter table source_settings add column routing_rules_json text;

-- why this rep, e.g. "weighted: alice weight 3 of 6"
alter table lead add column routing_reason text;
