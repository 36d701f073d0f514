-- Trigram indexes serve the partial-match searches (phone fragments, names, addresses).
CREATE EXTENSION IF NOT EXISTS pg_trgm;
