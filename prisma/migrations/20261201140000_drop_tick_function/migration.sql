-- The tick is one TypeScript mutation again (lib/checklists/mutations): the database function
-- that repeated it for a fast path is no longer called.
DROP FUNCTION IF EXISTS ferry_tick_item(text, text, text, text, text, text, text, text, text, text, text, text);
