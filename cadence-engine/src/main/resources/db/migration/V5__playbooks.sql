-- Playbooks as versioned data: a version never changes once stored; a running cadence keeps the
-- version it started with (cadence.playbook_id / playbook_version).
create table playbook (
    id              text        not null,
    version         int         not null,
    name            text        not null,
    definition_json text        not null,
    created_at      timestamptz not null,
    primary key (id, version)
);

-- a source's playbook (its latest version is used for new leads); null: the engine's default
alter table source_settings add column playbook_id text;
