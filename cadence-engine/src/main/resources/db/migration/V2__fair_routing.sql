-- Routing serializes on its team's row (a plain row lock, held to the commit), so concurrent leads
-- all get a rep and the rotation stays exact; SKIP LOCKED left leads without a rep under load.

create table team (
    id   text primary key,
    name text not null
);
insert into team (id, name) values ('default', 'Default team');

alter table rep add column team_id text not null default 'default' references team (id);

-- the rotation order: a sequence taken under the team lock is monotonic, clock readings are not
create sequence rep_assignment_seq;
alter table rep add column last_assignment_seq bigint;
