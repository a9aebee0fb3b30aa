-- The orders cron deletes idempotency claims older than 24 hours (checkout-claims.ts
-- pruneCheckoutRequests): they hold replayable answers with client secrets and guest tokens.
-- This index keeps that delete from scanning the table every minute.
CREATE INDEX `checkout_requests_updated_idx` ON `checkout_requests` (`updated_at`);