-- Issue 11, the console: what it shows that was not kept before.

-- The last error of a failing result job, for the console's jobs view. db-scheduler keeps when a job failed, not
-- why; our failure handler writes the text here after rescheduling. db-scheduler names its columns in every
-- statement, so one more nullable column is invisible to it; the row (and the text) goes when the job succeeds.
ALTER TABLE scheduled_tasks ADD COLUMN last_error text;

-- Whether the profanity filter masked the message (the console's filter-hit counts). A constant default: no rewrite.
ALTER TABLE chat_messages ADD COLUMN filtered boolean NOT NULL DEFAULT false;
-- Filtered messages are few: the per-sender count in a room reads this small partial index only.
CREATE INDEX chat_messages_filtered ON chat_messages (room, sender_id) WHERE filtered;
