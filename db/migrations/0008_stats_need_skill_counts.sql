CREATE TABLE `seeker_need_counts` (
	`code` text NOT NULL,
	`strength` text NOT NULL,
	`seekers` integer NOT NULL,
	PRIMARY KEY(`code`, `strength`)
);
--> statement-breakpoint
CREATE TABLE `seeker_skill_labels` (
	`label` text PRIMARY KEY NOT NULL,
	`seekers` integer NOT NULL
);

--> statement-breakpoint
-- Hand-written (drizzle-kit does not model triggers): seeker_skill_labels counts seeker_skills rows
-- per label, kept by these triggers in the writer's own transaction (deleted seekers' skills
-- cascade, and the cascade fires the delete trigger). A label nobody holds any more is removed.
CREATE TRIGGER `seeker_skill_labels_insert` AFTER INSERT ON `seeker_skills` BEGIN
  INSERT INTO seeker_skill_labels (label, seekers) VALUES (NEW.skill, 1)
    ON CONFLICT (label) DO UPDATE SET seekers = seekers + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `seeker_skill_labels_update` AFTER UPDATE OF skill ON `seeker_skills` BEGIN
  UPDATE seeker_skill_labels SET seekers = seekers - 1 WHERE label = OLD.skill;
  DELETE FROM seeker_skill_labels WHERE label = OLD.skill AND seekers <= 0;
  INSERT INTO seeker_skill_labels (label, seekers) VALUES (NEW.skill, 1)
    ON CONFLICT (label) DO UPDATE SET seekers = seekers + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `seeker_skill_labels_delete` AFTER DELETE ON `seeker_skills` BEGIN
  UPDATE seeker_skill_labels SET seekers = seekers - 1 WHERE label = OLD.skill;
  DELETE FROM seeker_skill_labels WHERE label = OLD.skill AND seekers <= 0;
END;
--> statement-breakpoint
INSERT INTO seeker_skill_labels (label, seekers) SELECT skill, count(*) FROM seeker_skills GROUP BY skill;
--> statement-breakpoint
-- seeker_need_counts counts seeker_needs rows per (code, strength) the same way.
CREATE TRIGGER `seeker_need_counts_insert` AFTER INSERT ON `seeker_needs` BEGIN
  INSERT INTO seeker_need_counts (code, strength, seekers) VALUES (NEW.code, NEW.strength, 1)
    ON CONFLICT (code, strength) DO UPDATE SET seekers = seekers + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `seeker_need_counts_update` AFTER UPDATE OF code, strength ON `seeker_needs` BEGIN
  UPDATE seeker_need_counts SET seekers = seekers - 1 WHERE code = OLD.code AND strength = OLD.strength;
  DELETE FROM seeker_need_counts WHERE code = OLD.code AND strength = OLD.strength AND seekers <= 0;
  INSERT INTO seeker_need_counts (code, strength, seekers) VALUES (NEW.code, NEW.strength, 1)
    ON CONFLICT (code, strength) DO UPDATE SET seekers = seekers + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `seeker_need_counts_delete` AFTER DELETE ON `seeker_needs` BEGIN
  UPDATE seeker_need_counts SET seekers = seekers - 1 WHERE code = OLD.code AND strength = OLD.strength;
  DELETE FROM seeker_need_counts WHERE code = OLD.code AND strength = OLD.strength AND seekers <= 0;
END;
--> statement-breakpoint
INSERT INTO seeker_need_counts (code, strength, seekers) SELECT code, strength, count(*) FROM seeker_needs GROUP BY code, strength;
