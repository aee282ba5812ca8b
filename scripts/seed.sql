-- Seed data for a developer's database: 300 customers, 200 products in 400 variants, 1000 orders.
-- Run after `migrate upgrade head` (`just db-seed`). Deterministic: ids and values are hashed
-- from row numbers and dates count back from a fixed day, so every run gives the same rows;
-- a run replaces what an earlier one loaded (and empties the audit log it filled).
\set ON_ERROR_STOP on
BEGIN;
SET LOCAL app.actor = 'seed';
-- TRUNCATE ... CASCADE and friends report every table they reach as a NOTICE: noise here.
SET LOCAL client_min_messages = warning;

TRUNCATE ecommerce.customers, ecommerce.categories, ecommerce.products, ecommerce.warehouses,
         ecommerce.coupons, archive.orders, audit.audit_log CASCADE;

-- A number in [0, 1) and a UUID, both fixed by a key: the same key gives the same value on
-- every run, whatever order the rows are produced in (random() would depend on it).
CREATE FUNCTION pg_temp.rnd(key text) RETURNS double precision LANGUAGE sql IMMUTABLE AS
  $$ SELECT ('x0' || substr(md5(key), 1, 7))::bit(32)::int / 268435456.0 $$;
CREATE FUNCTION pg_temp.uid(kind text, n int) RETURNS uuid LANGUAGE sql IMMUTABLE AS
  $$ SELECT md5(kind || ':' || n)::uuid $$;
CREATE FUNCTION pg_temp.pick(options text[], key text) RETURNS text LANGUAGE sql IMMUTABLE AS
  $$ SELECT options[1 + floor(pg_temp.rnd(key) * array_length(options, 1))::int] $$;
-- "Today" for the seed: data spans the two years before it.
CREATE FUNCTION pg_temp.t0() RETURNS timestamptz LANGUAGE sql IMMUTABLE AS $$ SELECT timestamptz '2026-11-01 09:00:00+00' $$;

-- Customers: one in twenty has closed the account (soft-deleted).
INSERT INTO ecommerce.customers (id, email, first_name, last_name, phone, marketing_opt_in, last_login_at,
                                 created_at, updated_at, deleted_at, is_deleted)
SELECT pg_temp.uid('customer', i), lower(f || '.' || l || i || '@example.com'), f, l,
       CASE WHEN pg_temp.rnd('phone' || i) < 0.7 THEN '+49 30 ' || (1000000 + floor(pg_temp.rnd('tel' || i) * 8999999)::int) END,
       pg_temp.rnd('optin' || i) < 0.4,
       created + (pg_temp.t0() - created) * pg_temp.rnd('login' || i),
       created, created, CASE WHEN i % 20 = 0 THEN pg_temp.t0() - interval '10 days' END, i % 20 = 0
FROM generate_series(1, 300) i,
     LATERAL (SELECT pg_temp.pick('{Anna,Ben,Clara,David,Emma,Felix,Greta,Hugo,Ida,Jonas,Klara,Leon,Mia,Noah,Olivia,Paul,Quinn,Rosa,Sam,Tara,Uwe,Vera,Willem,Xenia,Yusuf,Zoe,Lena,Omar,Priya,Mateo}', 'first' || i) AS f,
                     pg_temp.pick('{Schmidt,Martin,Jansen,Dubois,Rossi,Garcia,Smith,Novak,Berg,Kowalski,Silva,Meyer,Laurent,Bakker,Fischer,Moreau,Costa,Lindqvist,Weber,Brown,Horvat,Nielsen,Conti,Lopez,Wagner,Petit,Visser,Ferrari,Olsen,Keller}', 'last' || i) AS l,
                     pg_temp.t0() - interval '730 days' * pg_temp.rnd('since' || i) AS created) s;

-- Addresses: every customer has a default one; a third have a second (an office).
INSERT INTO ecommerce.addresses (id, customer_id, label, recipient_name, line1, line2, city, region, postal_code,
                                 country_code, is_default_shipping, is_default_billing, created_at, updated_at)
SELECT pg_temp.uid('address', i * 10 + a), c.id, CASE a WHEN 1 THEN 'home' ELSE 'office' END,
       c.first_name || ' ' || c.last_name,
       (1 + floor(pg_temp.rnd('no' || i || a) * 180)::int) || ' ' ||
         pg_temp.pick('{Lindenstrasse,Rue de la Paix,Keizersgracht,High Street,Calle Mayor,Via Roma,Storgatan,Main Street}', 'street' || i || a),
       CASE WHEN a = 2 THEN 'Floor ' || (1 + i % 6) END,
       split_part(place, ':', 1), NULL, lpad((10000 + floor(pg_temp.rnd('zip' || i || a) * 89999)::int)::text, 5, '0'),
       split_part(place, ':', 2), a = 1, a = 1, c.created_at, c.created_at
FROM generate_series(1, 300) i
JOIN ecommerce.customers c ON c.id = pg_temp.uid('customer', i)
CROSS JOIN generate_series(1, 2) a
CROSS JOIN LATERAL (SELECT pg_temp.pick('{Berlin:DE,Hamburg:DE,Munich:DE,Paris:FR,Lyon:FR,Amsterdam:NL,Utrecht:NL,London:GB,Madrid:ES,Milan:IT,Stockholm:SE,Boston:US}', 'city' || i || a) AS place) p
WHERE a = 1 OR i % 3 = 0;

-- Categories: eight departments of three aisles each.
INSERT INTO ecommerce.categories (id, parent_id, name, slug, position)
SELECT pg_temp.uid('category', d::int), NULL, name, lower(replace(name, ' & ', '-')), d
FROM unnest('{Kitchen,Home & Living,Garden,Sports,Toys,Books,Electronics,Fashion}'::text[]) WITH ORDINALITY AS dep(name, d);
INSERT INTO ecommerce.categories (id, parent_id, name, slug, position)
SELECT pg_temp.uid('category', (100 + (d - 1) * 3 + k)::int), pg_temp.uid('category', d::int), dep.name || ' ' || aisle,
       lower(replace(dep.name, ' & ', '-')) || '-' || lower(aisle), k
FROM unnest('{Kitchen,Home & Living,Garden,Sports,Toys,Books,Electronics,Fashion}'::text[]) WITH ORDINALITY AS dep(name, d),
     unnest('{Essentials,Classics,Premium}'::text[]) WITH ORDINALITY AS a(aisle, k);

INSERT INTO ecommerce.warehouses (id, code, name, country_code) VALUES
  (pg_temp.uid('warehouse', 1), 'BER-1', 'Berlin Spandau', 'DE'),
  (pg_temp.uid('warehouse', 2), 'AMS-1', 'Amsterdam Westpoort', 'NL'),
  (pg_temp.uid('warehouse', 3), 'LON-1', 'London Park Royal', 'GB');

-- Products, each listed in one aisle and in its department.
INSERT INTO ecommerce.products (id, sku, name, created_at, updated_at)
SELECT pg_temp.uid('product', i), 'SKU-' || lpad(i::text, 5, '0'),
       pg_temp.pick('{Classic,Compact,Deluxe,Eco,Handmade,Modern,Rustic,Smart,Travel,Vintage}', 'adj' || i) || ' ' ||
         pg_temp.pick('{Mug,Lamp,Backpack,Teapot,Blanket,Chair,Kite,Notebook,Speaker,Jacket,Planter,Puzzle,Skillet,Yoga Mat,Headphones}', 'noun' || i),
       pg_temp.t0() - interval '900 days' + interval '4 days' * i, pg_temp.t0() - interval '900 days' + interval '4 days' * i
FROM generate_series(1, 200) i;
INSERT INTO ecommerce.product_categories (product_id, category_id, position)
SELECT pg_temp.uid('product', i), pg_temp.uid('category', 101 + i % 24), i
FROM generate_series(1, 200) i
UNION ALL
SELECT pg_temp.uid('product', i), pg_temp.uid('category', 1 + (i % 24) / 3), i
FROM generate_series(1, 200) i;

-- Two variants per product; product n has variants 2n-1 and 2n.
INSERT INTO ecommerce.product_variants (id, product_id, sku, name, attributes, weight_grams, created_at, updated_at)
SELECT pg_temp.uid('variant', (i - 1) * 2 + v), p.id, p.sku || '-' || colour_code, p.name || ' (' || colour || ')',
       jsonb_build_object('colour', colour, 'size', pg_temp.pick('{S,M,L,XL}', 'size' || i || v)),
       100 + floor(pg_temp.rnd('weight' || i) * 4900)::int, p.created_at, p.created_at
FROM generate_series(1, 200) i
JOIN ecommerce.products p ON p.id = pg_temp.uid('product', i)
CROSS JOIN generate_series(1, 2) v
CROSS JOIN LATERAL (SELECT pg_temp.pick('{Black,White,Red,Blue,Green,Grey,Sand,Olive}', 'colour' || i || v) AS colour) c
CROSS JOIN LATERAL (SELECT upper(left(colour, 3)) || v AS colour_code) cc;

-- Prices: last year's (closed) and the current one in EUR, the current one in USD too.
INSERT INTO ecommerce.product_prices (variant_id, currency, amount, compare_at_amount, valid_from, valid_to)
SELECT pg_temp.uid('variant', n), cur, round((base * rate)::numeric, 2),
       CASE WHEN pg_temp.rnd('sale' || n) < 0.15 AND period = 'now' THEN round((base * rate * 1.25)::numeric, 2) END,
       CASE period WHEN 'old' THEN pg_temp.t0() - interval '365 days' ELSE pg_temp.t0() - interval '90 days' END,
       CASE period WHEN 'old' THEN pg_temp.t0() - interval '90 days' END
FROM generate_series(1, 400) n
CROSS JOIN LATERAL (SELECT 4.99 + floor(pg_temp.rnd('price' || n) * 190) AS base) b
CROSS JOIN (VALUES ('EUR', 1.0, 'now'), ('USD', 1.08, 'now'), ('EUR', 0.9, 'old')) AS x(cur, rate, period);

INSERT INTO ecommerce.inventory_levels (variant_id, warehouse_id, quantity_on_hand, quantity_reserved, reorder_point)
SELECT pg_temp.uid('variant', n), pg_temp.uid('warehouse', w), on_hand,
       floor(on_hand * 0.2 * pg_temp.rnd('reserved' || n || w))::int, 10
FROM generate_series(1, 400) n, generate_series(1, 3) w,
     LATERAL (SELECT floor(pg_temp.rnd('stock' || n || w) * 250)::int AS on_hand) s;

INSERT INTO ecommerce.coupons (id, code, description, discount_type, discount_value, min_order_amount, max_redemptions,
                               starts_at, expires_at)
VALUES (pg_temp.uid('coupon', 1), 'WELCOME10', '10% off a first order', 'percentage', 10, 0, NULL, pg_temp.t0() - interval '730 days', NULL),
       (pg_temp.uid('coupon', 2), 'SUMMER20', '20% off in summer', 'percentage', 20, 50, 1000, pg_temp.t0() - interval '150 days', pg_temp.t0() - interval '60 days'),
       (pg_temp.uid('coupon', 3), 'TAKE5', '5 off any order', 'fixed_amount', 5, 25, NULL, pg_temp.t0() - interval '730 days', NULL),
       (pg_temp.uid('coupon', 4), 'BIGSPENDER', '25 off orders over 200', 'fixed_amount', 25, 200, 500, pg_temp.t0() - interval '400 days', NULL),
       (pg_temp.uid('coupon', 5), 'BLACKFRIDAY', '30% off for a weekend', 'percentage', 30, 0, 2000, pg_temp.t0() - interval '340 days', pg_temp.t0() - interval '336 days');

-- Orders of live customers, placed over the last two years; amounts are filled in below.
INSERT INTO ecommerce.orders (id, order_number, customer_id, status, currency, coupon_id, shipping_address_id,
                              billing_address_id, placed_at, cancelled_at, created_at, updated_at)
SELECT pg_temp.uid('order', o), 'ORD-' || (100000 + o), c.id, st::ecommerce.order_status, 'EUR',
       CASE WHEN pg_temp.rnd('coupon' || o) < 0.12 THEN pg_temp.uid('coupon', 1 + floor(pg_temp.rnd('which' || o) * 5)::int) END,
       a.id, a.id, at, CASE WHEN st = 'cancelled' THEN at + interval '2 hours' END, at, at
FROM generate_series(1, 1000) o
CROSS JOIN LATERAL (SELECT 1 + floor(pg_temp.rnd('buyer' || o) * 300)::int AS ci) b
-- Closed accounts (every twentieth) do not order: their orders go to the next customer.
CROSS JOIN LATERAL (SELECT CASE WHEN ci % 20 = 0 THEN ci - 1 ELSE ci END AS cn) b2
JOIN ecommerce.customers c ON c.id = pg_temp.uid('customer', cn)
JOIN ecommerce.addresses a ON a.customer_id = c.id AND a.is_default_shipping
CROSS JOIN LATERAL (SELECT pg_temp.t0() - interval '730 days' * pg_temp.rnd('when' || o) AS at, pg_temp.rnd('status' || o) AS r) t
CROSS JOIN LATERAL (SELECT CASE WHEN r < 0.04 THEN 'pending' WHEN r < 0.08 THEN 'awaiting_payment' WHEN r < 0.14 THEN 'paid'
                                WHEN r < 0.20 THEN 'processing' WHEN r < 0.30 THEN 'shipped' WHEN r < 0.88 THEN 'delivered'
                                WHEN r < 0.95 THEN 'cancelled' ELSE 'refunded' END AS st) s;
-- The next order number follows the seeded ones (ALTER, not setval(), which would print a row).
ALTER SEQUENCE ecommerce.order_number_seq RESTART WITH 101001;

-- One to four lines per order, at the variant's EUR price of the day.
INSERT INTO ecommerce.order_items (order_id, variant_id, sku, product_name, quantity, unit_price, discount_amount,
                                   created_at, updated_at)
SELECT o.id, v.id, v.sku, v.name, 1 + floor(pg_temp.rnd('qty' || n || k) * 3)::int, pr.amount, 0, o.created_at, o.created_at
FROM generate_series(1, 1000) n
JOIN ecommerce.orders o ON o.id = pg_temp.uid('order', n)
CROSS JOIN generate_series(1, 4) k
JOIN ecommerce.product_variants v ON v.id = pg_temp.uid('variant', 1 + floor(pg_temp.rnd('line' || n || k) * 400)::int)
JOIN ecommerce.product_prices pr ON pr.variant_id = v.id AND pr.currency = 'EUR' AND pr.valid_to IS NULL
WHERE k <= 1 + floor(pg_temp.rnd('lines' || n) * 4);

-- Totals: coupon discount, shipping free from 50, 19% VAT on what is charged.
UPDATE ecommerce.orders o
SET subtotal_amount = x.subtotal, discount_amount = x.discount, shipping_amount = x.shipping,
    tax_amount = x.tax, total_amount = x.subtotal - x.discount + x.shipping + x.tax
FROM (SELECT o2.id, s.subtotal, d.discount, sh.shipping,
             round((s.subtotal - d.discount + sh.shipping) * 0.19, 2) AS tax
      FROM ecommerce.orders o2
      CROSS JOIN LATERAL (SELECT coalesce(sum(line_total), 0) AS subtotal FROM ecommerce.order_items i WHERE i.order_id = o2.id) s
      LEFT JOIN ecommerce.coupons cp ON cp.id = o2.coupon_id
      CROSS JOIN LATERAL (SELECT CASE WHEN cp.id IS NULL OR s.subtotal < cp.min_order_amount THEN 0
                                      WHEN cp.discount_type = 'percentage' THEN round(s.subtotal * cp.discount_value / 100, 2)
                                      ELSE least(cp.discount_value, s.subtotal) END AS discount) d
      CROSS JOIN LATERAL (SELECT CASE WHEN s.subtotal - d.discount >= 50 THEN 0 ELSE 4.90 END AS shipping) sh) x
WHERE o.id = x.id;
UPDATE ecommerce.coupons c SET times_redeemed = (SELECT count(*) FROM ecommerce.orders o WHERE o.coupon_id = c.id AND o.discount_amount > 0);

-- Payments: captured for orders that went through, failed for cancelled ones, pending while awaited.
INSERT INTO ecommerce.payments (order_id, status, method, amount, currency, provider, provider_reference,
                                authorized_at, captured_at, failure_reason, created_at, updated_at)
SELECT o.id, ps::ecommerce.payment_status, m::ecommerce.payment_method, o.total_amount, o.currency,
       CASE m WHEN 'paypal' THEN 'paypal' WHEN 'bank_transfer' THEN 'sepa' ELSE 'stripe' END,
       CASE WHEN ps <> 'pending' THEN 'ref_' || substr(md5('pay' || o.order_number), 1, 20) END,
       CASE WHEN ps IN ('captured', 'refunded') THEN o.placed_at + interval '1 minute' END,
       CASE WHEN ps IN ('captured', 'refunded') THEN o.placed_at + interval '5 minutes' END,
       CASE WHEN ps = 'failed' THEN 'card_declined' END, o.placed_at, o.placed_at
FROM ecommerce.orders o
CROSS JOIN LATERAL (SELECT pg_temp.pick('{card,card,card,paypal,bank_transfer,gift_card}', 'method' || o.order_number) AS m) mm
CROSS JOIN LATERAL (SELECT CASE o.status WHEN 'pending' THEN NULL WHEN 'awaiting_payment' THEN 'pending'
                                         WHEN 'cancelled' THEN 'failed' WHEN 'refunded' THEN 'refunded'
                                         ELSE 'captured' END AS ps) p
WHERE ps IS NOT NULL AND o.total_amount > 0;

-- Shipments of orders that left the warehouse.
INSERT INTO ecommerce.shipments (order_id, address_id, status, carrier, tracking_number, shipped_at, delivered_at,
                                 created_at, updated_at)
SELECT o.id, o.shipping_address_id,
       CASE o.status WHEN 'delivered' THEN 'delivered' WHEN 'refunded' THEN 'returned' ELSE 'in_transit' END::ecommerce.shipment_status,
       carrier, upper(substr(md5('track' || o.order_number), 1, 16)),
       o.placed_at + interval '1 day',
       CASE WHEN o.status IN ('delivered', 'refunded') THEN o.placed_at + interval '1 day' + interval '1 hour' * (24 + floor(pg_temp.rnd('transit' || o.order_number) * 96)) END,
       o.placed_at + interval '1 day', o.placed_at + interval '1 day'
FROM ecommerce.orders o
CROSS JOIN LATERAL (SELECT pg_temp.pick('{DHL,UPS,DPD,PostNL}', 'carrier' || o.order_number) AS carrier) c
WHERE o.status IN ('shipped', 'delivered', 'refunded');

-- Reviews: about half of what was delivered, one per customer and product.
INSERT INTO ecommerce.reviews (product_id, customer_id, order_item_id, rating, title, body, is_verified_purchase,
                               created_at, updated_at)
SELECT DISTINCT ON (v.product_id, o.customer_id) v.product_id, o.customer_id, i.id,
       (5 - floor(pg_temp.rnd('stars' || i.sku || o.order_number) ^ 2 * 5))::smallint,
       pg_temp.pick('{Love it,Does the job,Great value,Not what I expected,Would buy again,Solid quality}', 'title' || o.order_number || i.sku),
       'Ordered ' || to_char(o.placed_at, 'Mon YYYY') || '; ' ||
         pg_temp.pick('{arrived quickly.,looks just like the photos.,a bit smaller than I thought.,works perfectly.}', 'body' || o.order_number || i.sku),
       true, o.placed_at + interval '7 days', o.placed_at + interval '7 days'
FROM ecommerce.order_items i
JOIN ecommerce.orders o ON o.id = i.order_id AND o.status = 'delivered'
JOIN ecommerce.product_variants v ON v.id = i.variant_id
WHERE pg_temp.rnd('review' || o.order_number || i.sku) < 0.5
ORDER BY v.product_id, o.customer_id, o.placed_at, i.sku;

-- Carts in progress: 100 of signed-in customers, 50 of guests.
INSERT INTO ecommerce.carts (id, customer_id, session_token, status, currency, expires_at, created_at, updated_at)
SELECT pg_temp.uid('cart', n), CASE WHEN n <= 100 THEN pg_temp.uid('customer', n * 3 - 1) END,
       CASE WHEN n > 100 THEN md5('session' || n) END,
       CASE WHEN n % 10 = 0 THEN 'abandoned' ELSE 'open' END::ecommerce.cart_status, 'EUR',
       pg_temp.t0() + interval '7 days', pg_temp.t0() - interval '1 hour' * n, pg_temp.t0() - interval '1 hour' * n
FROM generate_series(1, 150) n;
INSERT INTO ecommerce.cart_items (cart_id, variant_id, quantity, unit_price)
SELECT DISTINCT ON (n, v) pg_temp.uid('cart', n), pg_temp.uid('variant', v), 1 + k % 2, pr.amount
FROM generate_series(1, 150) n, generate_series(1, 3) k,
     LATERAL (SELECT 1 + floor(pg_temp.rnd('cartline' || n || k) * 400)::int AS v) pick
JOIN ecommerce.product_prices pr ON pr.variant_id = pg_temp.uid('variant', v) AND pr.currency = 'EUR' AND pr.valid_to IS NULL
WHERE k <= 1 + n % 3
ORDER BY n, v, k;

-- The archive: 120 orders of 2023, before this catalog, closed and moved out.
INSERT INTO archive.orders (id, order_number, customer_id, status, currency, subtotal_amount, discount_amount,
                            shipping_amount, tax_amount, total_amount, placed_at, created_at, archived_at)
SELECT pg_temp.uid('archived-order', n), 'ORD-' || (90000 + n), pg_temp.uid('customer', 1 + n % 299), 'delivered', 'EUR',
       sub, 0, 0, round(sub * 0.19, 2), sub + round(sub * 0.19, 2), at, at, timestamptz '2026-01-15 03:00:00+00'
FROM generate_series(1, 120) n,
     LATERAL (SELECT (20 + floor(pg_temp.rnd('archived' || n) * 200))::numeric(12, 2) AS sub,
                     timestamptz '2023-01-01 00:00:00+00' + interval '3 days' * n AS at) s;
INSERT INTO archive.order_items (id, order_id, variant_id, sku, product_name, quantity, unit_price, discount_amount,
                                 line_total, created_at)
SELECT pg_temp.uid('archived-item', n), o.id, pg_temp.uid('legacy-variant', n), 'LEGACY-' || n, 'Legacy item ' || n,
       1, o.subtotal_amount, 0, o.subtotal_amount, o.created_at
FROM generate_series(1, 120) n JOIN archive.orders o ON o.id = pg_temp.uid('archived-order', n);

COMMIT;

SELECT (SELECT count(*) FROM ecommerce.customers) AS customers, (SELECT count(*) FROM ecommerce.products) AS products,
       (SELECT count(*) FROM ecommerce.product_variants) AS variants, (SELECT count(*) FROM ecommerce.orders) AS orders,
       (SELECT count(*) FROM ecommerce.order_items) AS order_items, (SELECT count(*) FROM ecommerce.payments) AS payments,
       (SELECT count(*) FROM ecommerce.reviews) AS reviews, (SELECT count(*) FROM audit.audit_log) AS audit_rows;
