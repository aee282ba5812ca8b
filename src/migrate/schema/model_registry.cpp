// The registry MIGRATE_MODEL fills at static initialisation, and the column order of a model.
#include <migrate/model.hpp>

namespace migrate {

std::vector<RegisteredModel>& registered_models() {
  // A function-local static: safe whatever order the model files initialise in.
  static std::vector<RegisteredModel> models;
  return models;
}

std::vector<Field> TableBuilder::ordered_fields() const {
  std::vector<Field> out;
  for (std::size_t i = 0; i < mixin_fields_; ++i)
    if (fields_[i].column().options.primary_key) out.push_back(fields_[i]);
  for (std::size_t i = mixin_fields_; i < fields_.size(); ++i) out.push_back(fields_[i]);
  for (std::size_t i = 0; i < mixin_fields_; ++i)
    if (!fields_[i].column().options.primary_key) out.push_back(fields_[i]);
  return out;
}

}  // namespace migrate
