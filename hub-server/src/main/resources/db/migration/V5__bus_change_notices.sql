-- Every node learns of changes that a waiting fetch must not miss: an owner paused, resumed or
-- refiltered, a subscription ended, a bucket given to a new holder or sought (both raise its
-- epoch). Commits and lease renewals do not raise an epoch, so they say nothing here.
CREATE FUNCTION hub_bus_changed() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    PERFORM pg_notify('hub_bus', '');
    RETURN NULL;
END
$$;

CREATE TRIGGER owners_changed
    AFTER UPDATE OF paused, filter_types, filter_categories OR DELETE ON owners
    FOR EACH STATEMENT EXECUTE FUNCTION hub_bus_changed();

CREATE TRIGGER subscriptions_ended
    AFTER DELETE ON subscriptions
    FOR EACH STATEMENT EXECUTE FUNCTION hub_bus_changed();

CREATE TRIGGER checkpoints_moved
    AFTER UPDATE OF epoch ON checkpoints
    FOR EACH STATEMENT EXECUTE FUNCTION hub_bus_changed();
