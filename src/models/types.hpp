// The platform's enum types, shared by every model that has a column of one.
#pragma once
#include <migrate/model.hpp>

namespace app::models {

using namespace migrate;

inline const Type OrderStatus = Enum("order_status",
                                     {"pending", "awaiting_payment", "paid", "processing", "shipped", "delivered",
                                      "cancelled", "refunded"},
                                     "ecommerce");
inline const Type PaymentStatus = Enum("payment_status",
                                       {"pending", "authorized", "captured", "failed", "refunded",
                                        "partially_refunded", "voided"},
                                       "ecommerce");
inline const Type PaymentMethod = Enum("payment_method", {"card", "paypal", "bank_transfer", "gift_card"}, "ecommerce");
inline const Type ShipmentStatus = Enum("shipment_status",
                                        {"pending", "label_created", "in_transit", "delivered", "returned", "lost"},
                                        "ecommerce");
inline const Type CartStatus = Enum("cart_status", {"open", "converted", "abandoned"}, "ecommerce");
inline const Type DiscountType = Enum("discount_type", {"percentage", "fixed_amount"}, "ecommerce");
inline const Type AuditAction = Enum("audit_action", {"insert", "update", "delete"}, "audit");

// Money: twelve digits, two after the point, never a float.
inline Type Money() { return Numeric(12, 2); }

}  // namespace app::models
