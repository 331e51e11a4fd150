#pragma once

namespace baton {

// Registers app_user and role_grant with the entity registry (idempotent).
void registerAccountEntities();

} // namespace baton
