#include "weightshares.h"

#include <algorithm>
#include <numeric>

namespace baton {

QList<int> equalShares(int n, int total)
{
    QList<int> out;
    if (n <= 0)
        return out;
    out.reserve(n);
    for (int i = 0; i < n; ++i)
        out.append(total / n + (i < total % n ? 1 : 0));
    return out;
}

std::optional<QList<int>> scaledShares(const QList<int> &weights, int total)
{
    const qsizetype n = weights.size();
    if (n == 0)
        return total == 0 ? std::optional<QList<int>>(QList<int>()) : std::nullopt;
    if (total < n)
        return std::nullopt;
    qint64 sum = 0;
    for (int w : weights) {
        if (w <= 0)
            return std::nullopt;
        sum += w;
    }
    QList<int> out(n);
    QList<std::pair<qint64, qsizetype>> remainders; // (remainder, index)
    remainders.reserve(n);
    qint64 given = 0;
    for (qsizetype i = 0; i < n; ++i) {
        const qint64 exact = qint64(weights[i]) * total;
        out[i] = int(exact / sum);
        given += out[i];
        remainders.append({exact % sum, i});
    }
    // The basis points lost to rounding go to the largest remainders, the
    // earlier goal first on a tie, so the result does not depend on sorting.
    std::stable_sort(remainders.begin(), remainders.end(),
                     [](const auto &a, const auto &b) { return a.first > b.first; });
    for (qsizetype k = 0; given < total; ++k, ++given)
        ++out[remainders[k % n].second];
    // Nobody drops to 0%: the smallest take a basis point from the largest.
    for (qsizetype i = 0; i < n; ++i) {
        while (out[i] < 1) {
            const auto largest = std::max_element(out.begin(), out.end()) - out.begin();
            --out[largest];
            ++out[i];
        }
    }
    return out;
}

} // namespace baton
