-- Schema v9: house registrations (个人造册), bindings (去绑定), owner changes (业主信息变更), their
-- proof documents and the supervisor's review (maker-checker). See docs/registrations.md.

-- One request per submission; a returned request (退回补件) goes back to 'pending' when the
-- resident brings more proof (resubmitted). Decisions and resubmissions are rows in
-- registration_events, so a request's whole story (with reasons) survives every round.
CREATE TABLE registration_requests (
    id              {{ID}},
    kind            TEXT NOT NULL CHECK (kind IN ('add_house', 'bind', 'owner_change')),
    method          TEXT NOT NULL CHECK (method IN ('contract', 'certificate', 'documents', 'lookup')),
    state           TEXT NOT NULL DEFAULT 'pending' CHECK (state IN ('pending', 'approved', 'rejected', 'returned', 'bound')),  -- bound: the resident is the recorded owner, bound at once without review
    person_id       BIGINT NOT NULL REFERENCES persons(id),       -- the resident
    house_id        BIGINT REFERENCES houses(id),                 -- NULL while no known house matches
    typed_address   TEXT NOT NULL DEFAULT '',                     -- as the clerk typed it (documents way)
    district_code   TEXT NOT NULL REFERENCES districts(code),
    phone           TEXT NOT NULL DEFAULT '',
    contract_no     TEXT,                                         -- 网签合同编号 as given
    certificate_no  TEXT,                                         -- 不动产权证号 as given
    submitted_by    BIGINT NOT NULL REFERENCES staff(id),         -- maker (of the latest round)
    submitted_at    TEXT NOT NULL,
    created_at      TEXT NOT NULL,                                -- first submission: the queue's order
    counter_id      TEXT NOT NULL,
    reviewed_by     BIGINT REFERENCES staff(id),                  -- checker of the latest decision
    reviewed_at     TEXT,
    reason          TEXT,                                         -- mandatory for rejected / returned
    rounds          INTEGER NOT NULL DEFAULT 1,                   -- 1 + resubmissions
    outcome_shown_at TEXT,                                        -- when the clerk saw the decision with the resident
    -- Maker-checker, whatever program writes the row.
    CHECK (reviewed_by IS NULL OR reviewed_by <> submitted_by),
    CHECK ((state IN ('pending', 'bound') AND reviewed_by IS NULL) OR (state IN ('approved', 'rejected', 'returned') AND reviewed_by IS NOT NULL AND reviewed_at IS NOT NULL)),
    CHECK (state NOT IN ('rejected', 'returned') OR coalesce(length(reason), 0) > 0),
    CHECK (state NOT IN ('approved', 'bound') OR house_id IS NOT NULL)
);
-- One pending request per house and kind.
CREATE UNIQUE INDEX ux_registration_pending_house_kind ON registration_requests(house_id, kind) WHERE state = 'pending';
-- The review queue, oldest first, filtered by district and/or kind (keyset paging on created_at, id).
CREATE INDEX ix_registration_queue ON registration_requests(state, created_at, id);
CREATE INDEX ix_registration_queue_district ON registration_requests(state, district_code, created_at, id);
CREATE INDEX ix_registration_queue_kind ON registration_requests(state, kind, created_at, id);
CREATE INDEX ix_registration_queue_district_kind ON registration_requests(state, district_code, kind, created_at, id);
CREATE INDEX ix_registration_person ON registration_requests(person_id, created_at);

-- Every submission, resubmission and decision, with who, when and why.
CREATE TABLE registration_events (
    id          {{ID}},
    request_id  BIGINT NOT NULL REFERENCES registration_requests(id),
    at          TEXT NOT NULL,
    staff_id    BIGINT NOT NULL REFERENCES staff(id),
    action      TEXT NOT NULL CHECK (action IN ('submitted', 'resubmitted', 'approved', 'rejected', 'returned', 'bound')),
    reason      TEXT NOT NULL DEFAULT ''
);
CREATE INDEX ix_registration_events_request ON registration_events(request_id, id);

-- Proof documents (scans), stored in the database so every counter of the shared server sees
-- them. The type is detected from the bytes; the same file twice on one request is refused.
CREATE TABLE registration_documents (
    id             {{ID}},
    request_id     BIGINT NOT NULL REFERENCES registration_requests(id),
    original_name  TEXT NOT NULL,
    content_type   TEXT NOT NULL CHECK (content_type IN ('application/pdf', 'image/jpeg', 'image/png')),
    size_bytes     BIGINT NOT NULL CHECK (size_bytes > 0),
    sha256         TEXT NOT NULL,
    content        {{BLOB}} NOT NULL,
    attached_by    BIGINT NOT NULL REFERENCES staff(id),
    attached_at    TEXT NOT NULL,
    UNIQUE (request_id, sha256)
);

-- Ownership already keeps its history in house_owners (an owner change closes the old row with
-- until_date and adds a new one; the fund account stays with the house). Which approved request
-- made the change:
ALTER TABLE house_owners ADD COLUMN registration_id BIGINT REFERENCES registration_requests(id);
