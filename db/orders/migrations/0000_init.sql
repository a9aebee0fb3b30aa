CREATE TABLE `order_events` (
	`id` text PRIMARY KEY NOT NULL,
	`order_id` text NOT NULL,
	`from_status` text,
	`to_status` text NOT NULL,
	`actor` text NOT NULL,
	`note` text,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`order_id`) REFERENCES `orders`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `order_events_order_idx` ON `order_events` (`order_id`,`created_at`);--> statement-breakpoint
CREATE TABLE `order_lines` (
	`order_id` text NOT NULL,
	`sku` text NOT NULL,
	`product_id` text NOT NULL,
	`name` text NOT NULL,
	`options` text DEFAULT '{}' NOT NULL,
	`image_url` text,
	`quantity` integer NOT NULL,
	`unit_price_amount` integer NOT NULL,
	`line_total_amount` integer NOT NULL,
	`currency` text DEFAULT 'USD' NOT NULL,
	PRIMARY KEY(`order_id`, `sku`),
	FOREIGN KEY (`order_id`) REFERENCES `orders`(`id`) ON UPDATE no action ON DELETE cascade,
	CONSTRAINT "order_lines_quantity_check" CHECK("order_lines"."quantity" > 0),
	CONSTRAINT "order_lines_amounts_check" CHECK("order_lines"."unit_price_amount" >= 0 AND "order_lines"."line_total_amount" >= 0)
);
--> statement-breakpoint
CREATE INDEX `order_lines_product_idx` ON `order_lines` (`product_id`);--> statement-breakpoint
CREATE TABLE `orders` (
	`id` text PRIMARY KEY NOT NULL,
	`user_id` text,
	`email` text NOT NULL,
	`status` text DEFAULT 'pending_payment' NOT NULL,
	`payment_method` text NOT NULL,
	`cart_id` text NOT NULL,
	`idempotency_key` text NOT NULL,
	`request_hash` text NOT NULL,
	`currency` text DEFAULT 'USD' NOT NULL,
	`subtotal_amount` integer NOT NULL,
	`discount_amount` integer DEFAULT 0 NOT NULL,
	`tax_amount` integer DEFAULT 0 NOT NULL,
	`shipping_amount` integer DEFAULT 0 NOT NULL,
	`total_amount` integer NOT NULL,
	`coupon_code` text,
	`shipping_address` text NOT NULL,
	`reservation_expires_at` integer,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	CONSTRAINT "orders_status_check" CHECK("orders"."status" IN ('pending_payment', 'confirmed', 'processing', 'shipped', 'delivered', 'expired', 'cancelled', 'refunded')),
	CONSTRAINT "orders_payment_method_check" CHECK("orders"."payment_method" IN ('card', 'cod')),
	CONSTRAINT "orders_amounts_check" CHECK("orders"."subtotal_amount" >= 0 AND "orders"."discount_amount" >= 0 AND "orders"."tax_amount" >= 0 AND "orders"."shipping_amount" >= 0 AND "orders"."total_amount" >= 0)
);
--> statement-breakpoint
CREATE UNIQUE INDEX `orders_idempotency_key_unique` ON `orders` (`idempotency_key`);--> statement-breakpoint
CREATE INDEX `orders_user_created_idx` ON `orders` (`user_id`,`created_at`);--> statement-breakpoint
CREATE INDEX `orders_status_created_idx` ON `orders` (`status`,`created_at`);--> statement-breakpoint
CREATE INDEX `orders_status_expiry_idx` ON `orders` (`status`,`reservation_expires_at`);