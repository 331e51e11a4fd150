#pragma once

#include <QList>

#include <optional>

namespace baton {

// Splitting 100% (in basis points, indicatorscore.h) among goals so that
// the parts are whole basis points adding up to exactly the whole.

// n equal shares of total: 3 of 10000 are 3334, 3333, 3333 (the first ones
// take the remainder).
QList<int> equalShares(int n, int total = 10000);

// weights scaled to add up to total, keeping their proportions (largest
// remainder), every one at least 1: what is left of a plan when a goal
// joins it. nullopt when total is smaller than the number of weights, or
// a weight is not above 0.
std::optional<QList<int>> scaledShares(const QList<int> &weights, int total);

} // namespace baton
