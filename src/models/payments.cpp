// Payments against orders.
#include "types.hpp"

namespace app::models {

struct Payment : Model<Payment, BaseModelNoSoftDelete> {
  static constexpr Table table{"ecommerce", "payments", "A payment attempt for an order, as the payment provider reports it."};
  // RESTRICT: money moved; the order it belongs to must stay.
  Field& order_id = column("order_id", UUID()).not_null().references({"ecommerce", "orders"}, "id", FkAction::Restrict).index();
  Field& status = column("status", PaymentStatus).not_null().server_default("'pending'");
  Field& method = column("method", PaymentMethod).not_null();
  Field& amount = column("amount", Money()).not_null().check("amount > 0");
  Field& currency = column("currency", Char(3)).not_null().check("currency ~ '^[A-Z]{3}$'");
  Field& provider = column("provider", String(50)).not_null();
  Field& provider_reference = column("provider_reference", String(255)).comment("The provider's id; makes webhook deliveries idempotent.");
  Field& authorized_at = column("authorized_at", DateTime(true));
  Field& captured_at = column("captured_at", DateTime(true));
  Field& failure_reason = column("failure_reason", Text());
  TableArgs args = table_args(
      Index{.name = "uq_payments_provider_reference", .keys = {"provider", "provider_reference"},
            .options = {.unique = true, .where = "provider_reference IS NOT NULL"}},
      Index{.name = "ix_payments_status_unsettled", .keys = {"status"},
            .options = {.where = "status IN ('pending', 'authorized')"}});
};
MIGRATE_MODEL(Payment);

}  // namespace app::models
