-- A submitted Security Profile version is a signed snapshot (issue 5, item 5): the database
-- refuses any change to what was submitted, whoever asks. Only the review outcome may be set,
-- once: submitted -> returned or approved. A specialist's per-criterion decisions may change
-- while the version is in review, and never after its outcome is set.
CREATE FUNCTION security_profile_versions_guard() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    RAISE EXCEPTION 'security profile version % cannot be deleted', OLD.id
      USING ERRCODE = 'insufficient_privilege';
  END IF;
  IF NEW.snapshot IS DISTINCT FROM OLD.snapshot
     OR NEW.attestation IS DISTINCT FROM OLD.attestation
     OR NEW.number IS DISTINCT FROM OLD.number
     OR NEW.profile_id IS DISTINCT FROM OLD.profile_id
     OR NEW.organisation_id IS DISTINCT FROM OLD.organisation_id
     OR NEW.catalog_version_id IS DISTINCT FROM OLD.catalog_version_id
     OR NEW.submitted_by_user_id IS DISTINCT FROM OLD.submitted_by_user_id
     OR NEW.submitted_at IS DISTINCT FROM OLD.submitted_at
     OR NOT (OLD.status = NEW.status OR (OLD.status = 'submitted' AND NEW.status IN ('returned', 'approved'))) THEN
    RAISE EXCEPTION 'security profile version % is a signed snapshot and cannot change', OLD.id
      USING ERRCODE = 'insufficient_privilege';
  END IF;
  RETURN NEW;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER security_profile_versions_frozen
  BEFORE UPDATE OR DELETE ON security_profile_versions
  FOR EACH ROW EXECUTE FUNCTION security_profile_versions_guard();
--> statement-breakpoint
CREATE FUNCTION security_profile_criterion_reviews_guard() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
  version_status text;
BEGIN
  SELECT status INTO version_status FROM security_profile_versions
    WHERE id = COALESCE(NEW.version_id, OLD.version_id);
  IF version_status IS DISTINCT FROM 'submitted' THEN
    RAISE EXCEPTION 'the review of version % is closed (%): % refused',
      COALESCE(NEW.version_id, OLD.version_id), version_status, TG_OP
      USING ERRCODE = 'insufficient_privilege';
  END IF;
  RETURN COALESCE(NEW, OLD);
END;
$$;
--> statement-breakpoint
CREATE TRIGGER security_profile_criterion_reviews_only_in_review
  BEFORE INSERT OR UPDATE OR DELETE ON security_profile_criterion_reviews
  FOR EACH ROW EXECUTE FUNCTION security_profile_criterion_reviews_guard();
