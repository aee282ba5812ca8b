// Payments against orders.
#include "types.hpp"

namespace app::models {

struct Payment : Model<Payment, BaseModelNoSoftDelete> {
  static constexpr Table table{"ecommerce", "payments", "A payment attempt for an order, as the payment provider reports it."};
  // RESTRICT: money moved; the order it belongs to must stay.
  MIGRATE_COLUMN(order_id, UUID()).not_null().references({"ecommerce", "orders"}, "id", FkAction::Restrict).index();
  MIGRATE_COLUMN(status, PaymentStatus).not_null().server_default("'pending'");
  MIGRATE_COLUMN(method, PaymentMethod).not_null();
  MIGRATE_COLUMN(amount, Money()).not_null().check("amount > 0");
  MIGRATE_COLUMN(currency, Char(3)).not_null().check("currency ~ '^[A-Z]{3}$'");
  MIGRATE_COLUMN(provider, String(50)).not_null();
  MIGRATE_COLUMN(provider_reference, String(255)).comment("The provider's id; makes webhook deliveries idempotent.");
  MIGRATE_COLUMN(authorized_at, DateTime(true));
  MIGRATE_COLUMN(captured_at, DateTime(true));
  MIGRATE_COLUMN(failure_reason, Text());
  TableArgs args = table_args(
      Index{.name = "uq_payments_provider_reference", .keys = {"provider", "provider_reference"},
            .options = {.unique = true, .where = "provider_reference IS NOT NULL"}},
      Index{.name = "ix_payments_status_unsettled", .keys = {"status"},
            .options = {.where = "status IN ('pending', 'authorized')"}});
};
MIGRATE_MODEL(Payment);

}  // namespace app::models
