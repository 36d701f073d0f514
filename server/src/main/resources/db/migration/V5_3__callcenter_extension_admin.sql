-- Who last changed an extension, so a stale edit can name him (updated_at says when).
ALTER TABLE callcenter_extension ADD COLUMN updated_by varchar(64);
