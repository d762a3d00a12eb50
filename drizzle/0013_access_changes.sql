-- ADR 0045 (CAP-API-3): every change to what a session may do, or to what a team's home shows from memory, is
-- announced on the `ensemble_access` channel by the database itself, so that no code path can forget it. Each
-- node's caches drop what a notification names: `u:<district_id>:<user_id>` (a person's sessions and roles),
-- `g:<district_id>:<group_id>` (a team's home), or `*` (everything: a TRUNCATE, a time zone, a rewrite of past
-- meeting events). NOTIFY is sent at commit, in commit order; identical ones in a transaction are sent once.
-- Arguments: the prefix (`u`, `g`, `v` or `*`), the column that holds the id, and optionally a second one
-- (`v:<district_id>:<group_id>:<user_id>`, a person's visit of a team's home).
CREATE FUNCTION ensemble_access_changed() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  r jsonb;
BEGIN
  IF TG_LEVEL = 'STATEMENT' OR TG_ARGV[0] = '*' THEN
    PERFORM pg_notify('ensemble_access', '*');
    RETURN NULL;
  END IF;
  r := to_jsonb(CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END);
  PERFORM pg_notify('ensemble_access', TG_ARGV[0] || ':' || (r ->> 'district_id') || ':' || (r ->> TG_ARGV[1])
    || CASE WHEN TG_NARGS > 2 THEN ':' || (r ->> TG_ARGV[2]) ELSE '' END);
  IF TG_OP = 'UPDATE' THEN
    -- A row moved to another person, team or tenant: the old one loses it too.
    r := to_jsonb(OLD);
    PERFORM pg_notify('ensemble_access', TG_ARGV[0] || ':' || (r ->> 'district_id') || ':' || (r ->> TG_ARGV[1])
      || CASE WHEN TG_NARGS > 2 THEN ':' || (r ->> TG_ARGV[2]) ELSE '' END);
  END IF;
  RETURN NULL;
END
$$;
--> statement-breakpoint
-- last_seen_at too: the idle timeout of a shared device (TRUST-DEVICE-2) reads it; a session is touched at most
-- once a minute, so this costs one read again per session and minute.
CREATE TRIGGER access_changed_sessions AFTER DELETE OR UPDATE OF expires_at, persistent, user_id, district_id, last_seen_at ON sessions
  FOR EACH ROW EXECUTE FUNCTION ensemble_access_changed('u', 'user_id');
--> statement-breakpoint
CREATE TRIGGER access_changed_users AFTER DELETE OR UPDATE OF district_id, district_role, name, email, email_verified_at, deactivated_at, language ON users
  FOR EACH ROW EXECUTE FUNCTION ensemble_access_changed('u', 'id');
--> statement-breakpoint
CREATE TRIGGER access_changed_school_roles AFTER INSERT OR UPDATE OR DELETE ON school_roles
  FOR EACH ROW EXECUTE FUNCTION ensemble_access_changed('u', 'user_id');
--> statement-breakpoint
CREATE TRIGGER access_changed_group_members AFTER INSERT OR UPDATE OR DELETE ON group_members
  FOR EACH ROW EXECUTE FUNCTION ensemble_access_changed('u', 'user_id');
--> statement-breakpoint
CREATE TRIGGER team_changed_group_members AFTER INSERT OR UPDATE OR DELETE ON group_members
  FOR EACH ROW EXECUTE FUNCTION ensemble_access_changed('g', 'group_id');
--> statement-breakpoint
CREATE TRIGGER team_changed_groups AFTER UPDATE OR DELETE ON groups
  FOR EACH ROW EXECUTE FUNCTION ensemble_access_changed('g', 'id');
--> statement-breakpoint
-- A team's home keeps its live and scheduled meetings too. The live path (the group commit, the only writer of
-- last_seq) updates its meeting's row on every append: that counts only when it changes the status or times;
-- any other update (plans, schedules, titles, memory) always counts.
CREATE TRIGGER team_changed_meetings AFTER UPDATE ON meetings
  FOR EACH ROW WHEN (
    OLD.last_seq IS NOT DISTINCT FROM NEW.last_seq
    OR OLD.status IS DISTINCT FROM NEW.status OR OLD.started_at IS DISTINCT FROM NEW.started_at
    OR OLD.ended_at IS DISTINCT FROM NEW.ended_at
  ) EXECUTE FUNCTION ensemble_access_changed('g', 'group_id');
--> statement-breakpoint
CREATE TRIGGER team_added_meetings AFTER INSERT ON meetings
  FOR EACH ROW EXECUTE FUNCTION ensemble_access_changed('g', 'group_id');
--> statement-breakpoint
CREATE TRIGGER team_removed_meetings AFTER DELETE ON meetings
  FOR EACH ROW EXECUTE FUNCTION ensemble_access_changed('g', 'group_id');
--> statement-breakpoint
CREATE TRIGGER team_visited AFTER INSERT OR UPDATE OR DELETE ON team_visits
  FOR EACH ROW EXECUTE FUNCTION ensemble_access_changed('v', 'group_id', 'user_id');
--> statement-breakpoint
CREATE TRIGGER team_truncated_visits AFTER TRUNCATE ON team_visits FOR EACH STATEMENT EXECUTE FUNCTION ensemble_access_changed('*');
--> statement-breakpoint
CREATE TRIGGER team_changed_memory_records AFTER INSERT OR UPDATE OR DELETE ON memory_records
  FOR EACH ROW EXECUTE FUNCTION ensemble_access_changed('g', 'group_id');
--> statement-breakpoint
-- Appending to the log is the live path and changes no ended meeting; rewriting or removing events (erasure,
-- retention) is rare and may touch any team.
CREATE TRIGGER team_rewritten_meeting_events AFTER UPDATE OR DELETE ON meeting_events
  FOR EACH STATEMENT EXECUTE FUNCTION ensemble_access_changed('*');
--> statement-breakpoint
CREATE TRIGGER team_time_zone_schools AFTER UPDATE OF time_zone ON schools
  FOR EACH ROW WHEN (OLD.time_zone IS DISTINCT FROM NEW.time_zone) EXECUTE FUNCTION ensemble_access_changed('*');
--> statement-breakpoint
CREATE TRIGGER team_time_zone_districts AFTER UPDATE OF time_zone ON districts
  FOR EACH ROW WHEN (OLD.time_zone IS DISTINCT FROM NEW.time_zone) EXECUTE FUNCTION ensemble_access_changed('*');
--> statement-breakpoint
-- `GET /api/auth/me` names the person's district and schools (rare renames drop everything).
CREATE TRIGGER me_renamed_districts AFTER UPDATE OF name ON districts
  FOR EACH ROW WHEN (OLD.name IS DISTINCT FROM NEW.name) EXECUTE FUNCTION ensemble_access_changed('*');
--> statement-breakpoint
CREATE TRIGGER me_renamed_schools AFTER UPDATE OF name ON schools
  FOR EACH ROW WHEN (OLD.name IS DISTINCT FROM NEW.name) EXECUTE FUNCTION ensemble_access_changed('*');
--> statement-breakpoint
CREATE TRIGGER access_truncated_sessions AFTER TRUNCATE ON sessions FOR EACH STATEMENT EXECUTE FUNCTION ensemble_access_changed('*');
--> statement-breakpoint
CREATE TRIGGER access_truncated_users AFTER TRUNCATE ON users FOR EACH STATEMENT EXECUTE FUNCTION ensemble_access_changed('*');
--> statement-breakpoint
CREATE TRIGGER access_truncated_school_roles AFTER TRUNCATE ON school_roles FOR EACH STATEMENT EXECUTE FUNCTION ensemble_access_changed('*');
--> statement-breakpoint
CREATE TRIGGER access_truncated_group_members AFTER TRUNCATE ON group_members FOR EACH STATEMENT EXECUTE FUNCTION ensemble_access_changed('*');
--> statement-breakpoint
CREATE TRIGGER team_truncated_meetings AFTER TRUNCATE ON meetings FOR EACH STATEMENT EXECUTE FUNCTION ensemble_access_changed('*');
--> statement-breakpoint
CREATE TRIGGER team_truncated_meeting_events AFTER TRUNCATE ON meeting_events FOR EACH STATEMENT EXECUTE FUNCTION ensemble_access_changed('*');
--> statement-breakpoint
CREATE TRIGGER team_truncated_memory_records AFTER TRUNCATE ON memory_records FOR EACH STATEMENT EXECUTE FUNCTION ensemble_access_changed('*');
