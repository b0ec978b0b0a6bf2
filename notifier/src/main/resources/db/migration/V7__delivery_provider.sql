-- Which provider answered a touch: 'smtp', or the SMS account ('primary', or 'secondary' after a failover).
ALTER TABLE delivery ADD COLUMN provider text;
