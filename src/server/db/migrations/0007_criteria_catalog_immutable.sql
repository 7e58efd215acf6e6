-- A published criteria catalog version never changes (issue 5: "a published version is
-- immutable"): the database refuses it, whoever asks. A draft may be edited or discarded; a
-- version may move draft -> published -> superseded and nothing else about it may change.
CREATE FUNCTION catalog_criteria_reject_change() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
  version_status text;
BEGIN
  SELECT status INTO version_status FROM criteria_catalog_versions
    WHERE id = COALESCE(NEW.version_id, OLD.version_id);
  IF version_status IS NOT NULL AND version_status <> 'draft' THEN
    RAISE EXCEPTION 'catalog version % is % and cannot change: % refused',
      COALESCE(NEW.version_id, OLD.version_id), version_status, TG_OP
      USING ERRCODE = 'insufficient_privilege';
  END IF;
  RETURN COALESCE(NEW, OLD);
END;
$$;
--> statement-breakpoint
CREATE TRIGGER catalog_criteria_frozen_after_publication
  BEFORE INSERT OR UPDATE OR DELETE ON catalog_criteria
  FOR EACH ROW EXECUTE FUNCTION catalog_criteria_reject_change();
--> statement-breakpoint
CREATE FUNCTION criteria_catalog_versions_guard() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    IF OLD.status <> 'draft' THEN
      RAISE EXCEPTION 'catalog version % is % and cannot be deleted', OLD.version, OLD.status
        USING ERRCODE = 'insufficient_privilege';
    END IF;
    RETURN OLD;
  END IF;
  IF OLD.status = 'draft' THEN
    RETURN NEW;
  END IF;
  IF NOT (OLD.status = 'published' AND NEW.status = 'superseded')
     OR NEW.version IS DISTINCT FROM OLD.version
     OR NEW.description IS DISTINCT FROM OLD.description
     OR NEW.source IS DISTINCT FROM OLD.source
     OR NEW.criteria_count IS DISTINCT FROM OLD.criteria_count
     OR NEW.content_sha256 IS DISTINCT FROM OLD.content_sha256
     OR NEW.imported_by_user_id IS DISTINCT FROM OLD.imported_by_user_id
     OR NEW.imported_at IS DISTINCT FROM OLD.imported_at
     OR NEW.published_by_user_id IS DISTINCT FROM OLD.published_by_user_id
     OR NEW.published_at IS DISTINCT FROM OLD.published_at THEN
    RAISE EXCEPTION 'catalog version % is % and cannot change', OLD.version, OLD.status
      USING ERRCODE = 'insufficient_privilege';
  END IF;
  RETURN NEW;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER criteria_catalog_versions_frozen_after_publication
  BEFORE UPDATE OR DELETE ON criteria_catalog_versions
  FOR EACH ROW EXECUTE FUNCTION criteria_catalog_versions_guard();
