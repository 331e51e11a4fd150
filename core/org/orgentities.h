#pragma once

namespace baton {

// Registers department, job_position, responsibility and employee with the
// entity registry (idempotent).
void registerOrgEntities();

// Every entity of the core (organisation and accounts); Store::open calls it.
void registerCoreEntities();

} // namespace baton
