CREATE TABLE `broadcast_acks` (
	`broadcast_id` integer NOT NULL,
	`person_id` integer NOT NULL,
	`at` integer NOT NULL,
	PRIMARY KEY(`broadcast_id`, `person_id`),
	FOREIGN KEY (`broadcast_id`) REFERENCES `broadcasts`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`person_id`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `consultation_plans` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`municipality_id` integer NOT NULL,
	`assignment_id` integer NOT NULL,
	`sessions_per_month` integer,
	`minutes_per_month` integer,
	`goals` text DEFAULT '' NOT NULL,
	`set_by` integer,
	`ended_at` integer,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`municipality_id`) REFERENCES `municipalities`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`assignment_id`) REFERENCES `assignments`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`set_by`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `consultation_plans_assignment` ON `consultation_plans` (`assignment_id`);--> statement-breakpoint
CREATE TABLE `planned_consultations` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`municipality_id` integer NOT NULL,
	`author_id` integer NOT NULL,
	`counterpart_id` integer,
	`school_id` integer,
	`starts_at` integer NOT NULL,
	`minutes` integer DEFAULT 45 NOT NULL,
	`format` text DEFAULT 'online' NOT NULL,
	`topic` text DEFAULT '' NOT NULL,
	`state` text DEFAULT 'planned' NOT NULL,
	`consultation_id` integer,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`municipality_id`) REFERENCES `municipalities`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`author_id`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`counterpart_id`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`school_id`) REFERENCES `schools`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`consultation_id`) REFERENCES `consultations`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `planned_consultations_author` ON `planned_consultations` (`author_id`,`starts_at`);--> statement-breakpoint
CREATE INDEX `planned_consultations_starts` ON `planned_consultations` (`state`,`starts_at`);--> statement-breakpoint
ALTER TABLE `people` ADD `seminar_reminders` integer DEFAULT true NOT NULL;--> statement-breakpoint
ALTER TABLE `outbox` ADD `platform_message_id` text;--> statement-breakpoint
ALTER TABLE `broadcasts` ADD `ask_ack` integer DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE `broadcasts` ADD `pin` integer DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE `broadcasts` ADD `edited_at` integer;--> statement-breakpoint
ALTER TABLE `seminar_series` ADD `recurrence` text;--> statement-breakpoint
ALTER TABLE `seminar_series` ADD `created_by` integer REFERENCES people(id);--> statement-breakpoint
ALTER TABLE `seminar_series` ADD `cancelled_at` integer;--> statement-breakpoint
ALTER TABLE `seminars` ADD `reminder_leads` text DEFAULT '[1440,60]' NOT NULL;--> statement-breakpoint
ALTER TABLE `consultations` ADD `rating` integer;--> statement-breakpoint
ALTER TABLE `consultations` ADD `rating_comment` text;--> statement-breakpoint
ALTER TABLE `consultations` ADD `planned_id` integer;--> statement-breakpoint
ALTER TABLE `round_recipients` ADD `manual_reminders` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `round_recipients` ADD `last_reminded_at` integer;--> statement-breakpoint
ALTER TABLE `survey_rounds` ADD `closed_early_at` integer;