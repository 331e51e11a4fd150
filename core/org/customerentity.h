#pragma once

namespace baton {

// Registers customer: a company's client, kept by one salesperson. Who may
// see it follows its owner (DESIGN.md section 3: sales is an employee
// attribute that limits customers to one's own): the owner, the managers
// of the owner's department subtree, and those granted it company-wide.
void registerCustomerEntity();

// Statuses of a customer relationship, in order.
namespace customer {
inline constexpr char Prospect[] = "prospect";
inline constexpr char Active[] = "active";
inline constexpr char Dormant[] = "dormant";
} // namespace customer

} // namespace baton
