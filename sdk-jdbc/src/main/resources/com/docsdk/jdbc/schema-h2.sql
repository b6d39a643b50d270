-- docsdk integration store, H2 2.x (times are microseconds since the epoch, UTC)
CREATE TABLE IF NOT EXISTS ${prefix}watermark (
  scope VARCHAR(200) NOT NULL PRIMARY KEY,
  value_us BIGINT,
  version BIGINT NOT NULL,
  lease_owner VARCHAR(200),
  lease_token BIGINT NOT NULL,
  lease_until_us BIGINT
);
CREATE TABLE IF NOT EXISTS ${prefix}claim (
  scope VARCHAR(200) NOT NULL,
  item_id VARCHAR(200) NOT NULL,
  state VARCHAR(16) NOT NULL,
  owner VARCHAR(200),
  token BIGINT NOT NULL,
  lease_until_us BIGINT,
  item_version_us BIGINT,
  done_version_us BIGINT,
  outcome CHARACTER LARGE OBJECT,
  PRIMARY KEY (scope, item_id)
);
CREATE INDEX IF NOT EXISTS ${prefix}claim_unfinished ON ${prefix}claim (scope, state, item_version_us);
CREATE TABLE IF NOT EXISTS ${prefix}seen (
  scope VARCHAR(200) NOT NULL,
  seen_key VARCHAR(200) NOT NULL,
  expires_us BIGINT NOT NULL,
  marker VARCHAR(64) NOT NULL,
  PRIMARY KEY (scope, seen_key)
);
