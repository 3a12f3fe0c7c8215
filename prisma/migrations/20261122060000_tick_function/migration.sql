-- The tick hot path in one round trip (ADR 16). Ticks are the hottest write in Ferry, often
-- sent in bulk by pipelines; as a transaction from the application they cost four round
-- trips (begin, slice lock, write, commit). This function does the same in one call, in the
-- call's own transaction:
--   1. locks the slice, so ticks and stage moves on it run one at a time;
--   2. reads the item afresh (each statement of a volatile function takes a new snapshot, so
--      it sees every tick committed before the lock was granted), only while the slice is
--      still at the stage, status and team the caller authorised and planned for;
--   3. unless nothing changes, sets the item and appends its "checklist_item.ticked" event.
-- It returns no row when the item or the expected slice state is not found (the caller then
-- takes the general path), otherwise the item as it now stands, with the ticker's name.
-- Empty evidence and reason count as absent, as in the application's own comparison.
CREATE FUNCTION ferry_tick_item(
  p_programme_id text,
  p_slice_id text,
  p_item_id text,
  p_expected_stage text,
  p_expected_status text,
  p_expected_team_id text,
  p_state text,
  p_evidence_url text,
  p_reason text,
  p_actor_id text,
  p_actor_name text,
  p_request_id text
) RETURNS TABLE (
  id text,
  key text,
  title text,
  category text,
  "gateStage" text,
  state text,
  "evidenceUrl" text,
  reason text,
  "doneAt" timestamptz,
  "doneByName" text
) LANGUAGE plpgsql VOLATILE AS $$
DECLARE
  cur record;
  now_utc timestamp := timezone('UTC', clock_timestamp());
  new_evidence text := CASE WHEN p_state = 'open' THEN NULL ELSE p_evidence_url END;
  new_reason text := CASE WHEN p_state = 'open' THEN NULL ELSE p_reason END;
  new_done_by text := CASE WHEN p_state = 'open' THEN NULL ELSE p_actor_id END;
  new_done_at timestamp := CASE WHEN p_state = 'open' THEN NULL ELSE now_utc END;
BEGIN
  PERFORM 1 FROM "Slice" s WHERE s.id = p_slice_id AND s."programmeId" = p_programme_id FOR UPDATE;

  SELECT i.id, i.key, i.title, i.category::text AS category, i."gateStage"::text AS "gateStage", i.state::text AS state,
    i."evidenceUrl", i.reason, i."doneAt", i."doneById"
  INTO cur
  FROM "ChecklistItem" i JOIN "Slice" s ON s.id = i."sliceId"
  WHERE i.id = p_item_id AND i."sliceId" = p_slice_id AND s."programmeId" = p_programme_id
    AND s.stage::text = p_expected_stage AND s.status::text = p_expected_status AND s."teamId" = p_expected_team_id;
  IF NOT FOUND THEN
    RETURN;
  END IF;

  IF (cur.state, NULLIF(cur."evidenceUrl", ''), NULLIF(cur.reason, '')) IS DISTINCT FROM (p_state, NULLIF(new_evidence, ''), NULLIF(new_reason, '')) THEN
    UPDATE "ChecklistItem" i
    SET state = p_state::"ItemState", "evidenceUrl" = new_evidence, reason = new_reason,
      "doneById" = new_done_by, "doneAt" = new_done_at, "updatedAt" = now_utc
    WHERE i.id = cur.id;

    INSERT INTO "Event" ("programmeId", "actorId", "actorName", "entityType", "entityId", action, before, after, "requestId")
    VALUES (
      p_programme_id, p_actor_id, p_actor_name, 'checklist_item', cur.id, 'checklist_item.ticked',
      jsonb_strip_nulls(jsonb_build_object('state', cur.state, 'evidenceUrl', NULLIF(cur."evidenceUrl", ''), 'reason', NULLIF(cur.reason, ''))),
      jsonb_strip_nulls(jsonb_build_object('state', p_state, 'evidenceUrl', NULLIF(new_evidence, ''), 'reason', NULLIF(new_reason, ''), 'title', cur.title, 'sliceId', p_slice_id)),
      p_request_id
    );

    cur.state := p_state;
    cur."evidenceUrl" := new_evidence;
    cur.reason := new_reason;
    cur."doneAt" := new_done_at;
    cur."doneById" := new_done_by;
  END IF;

  RETURN QUERY
  SELECT cur.id, cur.key, cur.title, cur.category, cur."gateStage", cur.state, cur."evidenceUrl", cur.reason,
    cur."doneAt" AT TIME ZONE 'UTC', (SELECT u.name FROM "User" u WHERE u.id = cur."doneById");
END
$$;
