-- How an entry's hash is computed, so that entries written before a change keep verifying:
-- 1 = SHA-256(previous hash || Jackson's sorted-key JSON of the entry) (entries written before V7);
-- 2 = SHA-256(previous hash || RFC 8785 canonical JSON of the entry), which anyone can recompute
--     with any RFC 8785 implementation (docs/DESIGN.md, "Ledger").
ALTER TABLE ledger_entry ADD COLUMN hash_version INT NOT NULL DEFAULT 1;
