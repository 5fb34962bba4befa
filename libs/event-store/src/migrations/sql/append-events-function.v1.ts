/**
 * The one sanctioned way to write events (migration 1763700002000). Frozen with its migration: a change is a
 * new file and a new migration, never an edit. Kept in step with hash-chain.ts (the Node side of the chain).
 *
 * One round trip, one statement: the caller's autocommit makes the whole append atomic. Input is the events'
 * canonical bodies, one per line (prepare-append.ts). Under the stream row's lock it checks the expected
 * version, stamps one recording instant (never earlier than the stream's previous one, so "as recorded at"
 * reads are prefixes of the stream), chains the hashes, inserts the rows parsed from the bodies and moves
 * the stream head. SECURITY DEFINER: the application role may call it but cannot write the tables itself.
 * No NOTIFY here: a transaction that notifies takes a database-wide lock at commit, which would serialise
 * every append's commit (postgres-event-store.ts wakes projectors in process instead).
 */
export const appendEventsFunctionSql = (schema: string): string => `
CREATE FUNCTION trialflow_append_events(
  p_stream_id text, p_stream_type text, p_trial_id text, p_expected_version bigint, p_events text,
  OUT outcome text, OUT stream_version bigint, OUT conflicting_ids uuid[])
LANGUAGE plpgsql SECURITY DEFINER SET search_path = ${schema}, pg_temp AS $fn$
DECLARE
  v_bodies text[] := string_to_array(p_events, E'\\n');
  v_count int := coalesce(cardinality(v_bodies), 0);
  v_version bigint;
  v_hash text := '${'0'.repeat(64)}';
  v_last_recorded timestamptz;
  v_recorded timestamptz;
  v_recorded_text text;
  v_docs jsonb[];
  v_hashes text[];
  v_previous text[];
  v_inserted bigint;
  v_found bigint;
  v_same bigint;
BEGIN
  IF v_count = 0 THEN RAISE EXCEPTION 'append needs at least one event' USING ERRCODE = 'invalid_parameter_value'; END IF;
  IF p_expected_version IS NULL OR p_expected_version < 0 THEN RAISE EXCEPTION 'expected version must be >= 0' USING ERRCODE = 'invalid_parameter_value'; END IF;
  IF p_expected_version > 0 THEN
    SELECT s.version, s.last_hash, s.last_recorded_at INTO v_version, v_hash, v_last_recorded
    FROM event_streams s WHERE s.stream_id = p_stream_id FOR UPDATE;
    IF NOT FOUND OR v_version <> p_expected_version THEN v_version := coalesce(v_version, 0); v_count := -1; END IF;
  END IF;

  IF v_count > 0 THEN
    v_recorded := date_trunc('milliseconds', clock_timestamp());
    IF v_last_recorded > v_recorded THEN v_recorded := v_last_recorded; END IF;
    v_recorded_text := to_char(v_recorded AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"');
    v_hashes := array_fill(NULL::text, ARRAY[v_count]);
    v_previous := v_hashes;
    v_docs := array_fill(NULL::jsonb, ARRAY[v_count]);
    FOR i IN 1..v_count LOOP
      v_docs[i] := v_bodies[i]::jsonb; -- parsed once: the INSERT below reads its fields many times
      v_previous[i] := v_hash;
      v_hash := encode(sha256(convert_to('trialflow.event.v1' || E'\\n' || v_hash || E'\\n' || v_recorded_text || E'\\n' || v_bodies[i], 'UTF8')), 'hex');
      v_hashes[i] := v_hash;
    END LOOP;
    IF p_expected_version = 0 THEN
      -- A new stream's row is born with its head; a concurrent creator makes this a no-op (then: rejected).
      INSERT INTO event_streams (stream_id, stream_type, trial_id, version, last_hash, last_recorded_at, created_at, updated_at)
      VALUES (p_stream_id, p_stream_type, p_trial_id, v_count, v_hash, v_recorded, v_recorded, v_recorded)
      ON CONFLICT (stream_id) DO NOTHING;
      IF NOT FOUND THEN
        SELECT s.version INTO v_version FROM event_streams s WHERE s.stream_id = p_stream_id;
        v_count := -1;
      END IF;
    ELSE
      UPDATE event_streams SET version = p_expected_version + v_count, last_hash = v_hash, last_recorded_at = v_recorded, updated_at = v_recorded
      WHERE stream_id = p_stream_id;
    END IF;
  END IF;

  IF v_count > 0 THEN
    INSERT INTO events (stream_id, stream_position, event_id, event_type, schema_version, data, metadata, occurred_at, recorded_at, hash, previous_hash)
    SELECT p_stream_id, p_expected_version + u.ord, (u.doc->>'eventId')::uuid, u.doc->>'eventType', (u.doc->>'schemaVersion')::int,
           u.doc->'data', u.doc->'metadata', (u.doc->>'occurredAt')::timestamptz, v_recorded, u.hash, u.previous
    FROM unnest(v_docs, v_hashes, v_previous) WITH ORDINALITY AS u(doc, hash, previous, ord)
    -- A body must name this stream and its own position, or its hash would vouch for another row.
    WHERE u.doc->>'streamId' = p_stream_id AND (u.doc->>'streamPosition')::bigint = p_expected_version + u.ord;
    GET DIAGNOSTICS v_inserted = ROW_COUNT;
    IF v_inserted <> v_count THEN
      RAISE EXCEPTION 'event bodies do not match stream % at positions % to %', p_stream_id, p_expected_version + 1, p_expected_version + v_count
        USING ERRCODE = 'invalid_parameter_value';
    END IF;
    outcome := 'appended';
    stream_version := p_expected_version + v_count;
    RETURN;
  END IF;

  -- Rejected. A retry of an append that committed (its acknowledgement lost) finds its own events, identical,
  -- at the positions it asked for: success, nothing written. Any other reuse of an id is refused.
  SELECT count(*) FILTER (WHERE e.stream_id = p_stream_id AND e.stream_position = p_expected_version + r.ord
                           AND e.event_type = r.doc->>'eventType' AND e.schema_version = (r.doc->>'schemaVersion')::int
                           AND e.data = r.doc->'data' AND e.metadata = r.doc->'metadata'
                           AND e.occurred_at = (r.doc->>'occurredAt')::timestamptz),
         count(*), array_agg(e.event_id ORDER BY r.ord)
  INTO v_same, v_found, conflicting_ids
  FROM (SELECT b::jsonb AS doc, ord FROM unnest(v_bodies) WITH ORDINALITY AS x(b, ord)) r
  JOIN events e ON e.event_id = (r.doc->>'eventId')::uuid;
  IF v_same = cardinality(v_bodies) THEN
    outcome := 'already-appended';
    stream_version := p_expected_version + cardinality(v_bodies);
    conflicting_ids := NULL;
  ELSIF v_found > 0 THEN
    outcome := 'event-id-reuse';
    stream_version := v_version;
  ELSE
    outcome := 'conflict';
    stream_version := v_version;
    conflicting_ids := NULL;
  END IF;
END $fn$`;
