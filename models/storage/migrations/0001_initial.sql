-- Schema v1 of Fund Counter. Runs on SQLite and PostgreSQL alike; the storage layer replaces
-- {{ID}} (auto-numbered primary key) and {{BLOB}} per engine. Money is BIGINT fen, area is
-- hundredths of m², timestamps are ISO-8601 UTC text (yyyy-MM-ddTHH:mm:ss.zzzZ), dates yyyy-MM-dd.
-- Statements end with ';' at the end of a line.

CREATE TABLE districts (
    code        TEXT PRIMARY KEY,          -- GB/T 2260, e.g. 110105
    name        TEXT NOT NULL,             -- 朝阳区
    short_name  TEXT NOT NULL              -- 朝阳
);

CREATE TABLE streets (
    code          TEXT PRIMARY KEY,        -- 9-digit statistical code
    district_code TEXT NOT NULL REFERENCES districts(code),
    name          TEXT NOT NULL
);
CREATE INDEX ix_streets_district ON streets(district_code);

CREATE TABLE estates (
    id              {{ID}},
    street_code     TEXT NOT NULL REFERENCES streets(code),
    district_code   TEXT NOT NULL REFERENCES districts(code),
    community_code  TEXT,                  -- 12-digit code of the community it is named after
    name            TEXT NOT NULL          -- 小区名称
);
CREATE INDEX ix_estates_district_name ON estates(district_code, name);

CREATE TABLE buildings (
    id             {{ID}},
    estate_id      BIGINT NOT NULL REFERENCES estates(id),
    name           TEXT NOT NULL,          -- 3号楼
    sort_key       INTEGER NOT NULL,
    building_type  TEXT NOT NULL,          -- multi_storey | high_rise
    floors         INTEGER NOT NULL
);
CREATE INDEX ix_buildings_estate ON buildings(estate_id, sort_key);

CREATE TABLE units (
    id           {{ID}},
    building_id  BIGINT NOT NULL REFERENCES buildings(id),
    name         TEXT NOT NULL,            -- 2单元
    sort_key     INTEGER NOT NULL
);
CREATE INDEX ix_units_building ON units(building_id, sort_key);

CREATE TABLE houses (
    id              {{ID}},
    unit_id         BIGINT NOT NULL REFERENCES units(id),
    district_code   TEXT NOT NULL REFERENCES districts(code),
    room            TEXT NOT NULL,         -- 1203
    floor           INTEGER NOT NULL,
    address         TEXT NOT NULL,         -- 坐落, verbatim
    address_key     TEXT NOT NULL,         -- normalised for exact lookup
    area_centi      BIGINT NOT NULL CHECK (area_centi > 0),   -- hundredths of m²
    house_type      TEXT NOT NULL,         -- commodity | public_sold | affordable | non_residential
    contract_no     TEXT,                  -- 网签合同编号 as written
    contract_key    TEXT,                  -- trimmed, upper-case
    certificate_no  TEXT,                  -- 不动产权证号 as written
    certificate_key TEXT                   -- normalised
);
CREATE INDEX ix_houses_unit_room ON houses(unit_id, room);
CREATE UNIQUE INDEX ux_houses_address_key ON houses(address_key);
CREATE INDEX ix_houses_contract_key ON houses(contract_key);
CREATE INDEX ix_houses_certificate_key ON houses(certificate_key);

CREATE TABLE persons (
    id          {{ID}},
    name        TEXT NOT NULL,
    name_key    TEXT NOT NULL,             -- normalised (full/half width, spaces, middle dot)
    id_kind     TEXT NOT NULL,             -- resident_id | legacy_resident_id | hk_mo_tw | foreign_permanent | credit_code | other
    id_number   TEXT NOT NULL,
    phone       TEXT
);
CREATE UNIQUE INDEX ux_persons_id ON persons(id_kind, id_number);
CREATE INDEX ix_persons_id_number ON persons(id_number);

-- Ownership with history: an owner change closes the old row (until_date) and adds a new one.
CREATE TABLE house_owners (
    id          {{ID}},
    house_id    BIGINT NOT NULL REFERENCES houses(id),
    person_id   BIGINT NOT NULL REFERENCES persons(id),
    since_date  TEXT NOT NULL,
    until_date  TEXT,
    bound       INTEGER NOT NULL DEFAULT 1  -- bound to the person's counter/web account
);
CREATE INDEX ix_house_owners_house ON house_owners(house_id);
CREATE INDEX ix_house_owners_person ON house_owners(person_id);

-- One fund account (分户账) per house. Balances are a cache of the ledger, updated in the same
-- transaction as every entry; `fundctl check` proves cache = sum of entries.
CREATE TABLE fund_accounts (
    id                  {{ID}},
    house_id            BIGINT NOT NULL UNIQUE REFERENCES houses(id),
    opened_on           TEXT NOT NULL,
    first_deposit_fen   BIGINT NOT NULL DEFAULT 0,
    principal_fen       BIGINT NOT NULL DEFAULT 0,
    interest_fen        BIGINT NOT NULL DEFAULT 0,
    entry_count         INTEGER NOT NULL DEFAULT 0
);

CREATE TABLE staff (
    id              {{ID}},
    login           TEXT NOT NULL UNIQUE,
    display_name    TEXT NOT NULL,
    role            TEXT NOT NULL CHECK (role IN ('clerk', 'supervisor', 'admin')),
    password_hash   TEXT NOT NULL,         -- pbkdf2-sha256$iterations$salt-hex$hash-hex
    failed_logins   INTEGER NOT NULL DEFAULT 0,
    locked_until    TEXT,
    active          INTEGER NOT NULL DEFAULT 1,
    created_at      TEXT NOT NULL
);

-- Pending and past deposit requests (待交存), keyed by the 业务流水号.
CREATE TABLE deposit_requests (
    id            {{ID}},
    serial_no     TEXT NOT NULL UNIQUE,    -- 业务流水号
    house_id      BIGINT NOT NULL REFERENCES houses(id),
    kind          TEXT NOT NULL,           -- first_deposit | renewal | supplement
    amount_mode   TEXT NOT NULL CHECK (amount_mode IN ('fixed', 'open')),
    amount_fen    BIGINT,                  -- the fixed amount; NULL when open
    min_fen       BIGINT,                  -- bounds for an open amount
    max_fen       BIGINT,
    status        TEXT NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'paid', 'cancelled')),
    created_at    TEXT NOT NULL,
    due_date      TEXT,
    CHECK ((amount_mode = 'fixed' AND amount_fen > 0) OR (amount_mode = 'open' AND min_fen > 0 AND max_fen >= min_fen))
);
CREATE INDEX ix_deposit_requests_house ON deposit_requests(house_id, status);

-- One row per payment attempt. out_trade_no is stored before any channel call.
CREATE TABLE payments (
    id             {{ID}},
    deposit_id     BIGINT NOT NULL REFERENCES deposit_requests(id),
    out_trade_no   TEXT NOT NULL UNIQUE,
    method         TEXT NOT NULL,          -- cash | card | wechat | alipay
    amount_fen     BIGINT NOT NULL CHECK (amount_fen > 0),
    tendered_fen   BIGINT,
    change_fen     BIGINT,
    state          TEXT NOT NULL,          -- created | paid | closed | failed | unknown
    staff_id       BIGINT NOT NULL REFERENCES staff(id),
    counter_id     TEXT NOT NULL,
    payer_name     TEXT NOT NULL,
    created_at     TEXT NOT NULL,
    paid_at        TEXT
);
-- A deposit can be collected at most once, whatever happens: the database refuses a second
-- paid payment for the same deposit request.
CREATE UNIQUE INDEX ux_payments_one_paid_per_deposit ON payments(deposit_id) WHERE state = 'paid';
CREATE INDEX ix_payments_paid_at ON payments(paid_at);

-- The ledger (资金明细): append-only. Corrections are reversing entries. Running balances are
-- written with each entry; (account_id, seq) orders an account's entries.
CREATE TABLE ledger_entries (
    id                     {{ID}},
    account_id             BIGINT NOT NULL REFERENCES fund_accounts(id),
    seq                    INTEGER NOT NULL,
    booked_on              TEXT NOT NULL,  -- value date yyyy-MM-dd
    recorded_at            TEXT NOT NULL,
    kind                   TEXT NOT NULL,  -- first_deposit | renewal | supplement | interest | expense | refund | reversal
    principal_fen          BIGINT NOT NULL,
    interest_fen           BIGINT NOT NULL,
    principal_balance_fen  BIGINT NOT NULL,
    interest_balance_fen   BIGINT NOT NULL,
    memo                   TEXT NOT NULL DEFAULT '',
    payment_id             BIGINT UNIQUE REFERENCES payments(id),
    UNIQUE (account_id, seq)
);

-- Number ranges (号段) of the built-in local receipt issuer.
CREATE TABLE receipt_ranges (
    id           {{ID}},
    bill_code    TEXT NOT NULL,            -- 票据代码, 8 digits
    first_no     BIGINT NOT NULL,
    last_no      BIGINT NOT NULL,
    next_no      BIGINT NOT NULL,
    active       INTEGER NOT NULL DEFAULT 1,
    CHECK (first_no <= next_no AND next_no <= last_no + 1)
);

CREATE TABLE receipts (
    id            {{ID}},
    payment_id    BIGINT NOT NULL UNIQUE REFERENCES payments(id),
    state         TEXT NOT NULL CHECK (state IN ('issuing', 'issued', 'failed')),
    bill_code     TEXT,                    -- 票据代码 (8)
    bill_no       TEXT,                    -- 票据号码 (10)
    check_code    TEXT,                    -- 校验码 (6)
    issued_at     TEXT,
    qr_text       TEXT,
    payer_name    TEXT NOT NULL,
    amount_fen    BIGINT NOT NULL,
    print_count   INTEGER NOT NULL DEFAULT 0,
    failure       TEXT,
    requested_at  TEXT NOT NULL,
    UNIQUE (bill_code, bill_no)
);

-- The audit trail: append-only, each row chained to the previous one by SHA-256.
CREATE TABLE audit_log (
    id          {{ID}},
    at          TEXT NOT NULL,
    staff_id    BIGINT,
    counter_id  TEXT NOT NULL,
    action      TEXT NOT NULL,
    entity      TEXT NOT NULL,
    entity_id   TEXT NOT NULL,
    detail      TEXT NOT NULL,
    prev_hash   TEXT NOT NULL,
    hash        TEXT NOT NULL
);

-- Deposit standards (交存标准), per house type and building type: configuration, not code.
CREATE TABLE deposit_standards (
    house_type       TEXT NOT NULL,
    building_type    TEXT NOT NULL,
    fen_per_m2       BIGINT NOT NULL CHECK (fen_per_m2 > 0),
    source           TEXT NOT NULL,
    PRIMARY KEY (house_type, building_type)
);

CREATE TABLE settings (
    key    TEXT PRIMARY KEY,
    value  TEXT NOT NULL
);
