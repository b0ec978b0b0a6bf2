-- The W3C traceparent of the work that planned a touch (a lead's arrival, a rep's action), so the
-- scheduler's later dispatch continues that trace instead of starting one of its own. Null when
-- tracing is off or the touch predates this column.
alter table touch add column traceparent text;
