#include "maps/point_matrix.h"

#include <gtest/gtest.h>

#include <cmath>

#include "common/error.h"
#include "test_fixtures.h"

namespace playground {
namespace {

TEST(PointMatrix, GathersUnitOrStoredRowsInSelectionOrder) {
  const VectorStore s = testing::toy_store();
  const PointMatrix raw = PointMatrix::gather(s, {4, 0}, false);
  ASSERT_EQ(raw.size(), 2u);
  ASSERT_EQ(raw.dim(), 3u);
  EXPECT_EQ(raw.row(0)[2], 1.0f);  // cat
  EXPECT_EQ(raw.row(1)[1], 0.9f);  // king
  const PointMatrix unit = PointMatrix::gather(s, {0}, true);
  EXPECT_NEAR(unit.row(0)[0], 1.0 / std::sqrt(1 + 0.81 + 0.01), 1e-6);
}

TEST(PointMatrix, CheckRowsRejectsShortOutOfRangeAndRepeatedSelections) {
  const VectorStore s = testing::toy_store();
  EXPECT_THROW(check_rows(s, {0, 1}, 4, "t-SNE"), Error);
  EXPECT_THROW(check_rows(s, {0, 1, 2, 99}, 4, "t-SNE"), Error);
  try {
    check_rows(s, {0, 1, 2, 1}, 4, "t-SNE");
    FAIL();
  } catch (const Error& e) {
    EXPECT_EQ(e.code(), ErrorCode::kBadArgument);
    EXPECT_NE(std::string(e.what()).find("\"queen\" is selected twice"), std::string::npos) << e.what();
  }
  EXPECT_NO_THROW(check_rows(s, all_rows(s), 4, "t-SNE"));
  EXPECT_EQ(all_rows(s).size(), s.size());
}

TEST(PointMatrix, RowsForWordsFollowTheWordsAndNameAnUnknownOne) {
  const VectorStore s = testing::toy_store();
  EXPECT_EQ(rows_for_words(s, {"dog", "king"}), (std::vector<size_t>{5, 0}));
  try {
    rows_for_words(s, {"dog", "kedi"});
    FAIL();
  } catch (const Error& e) {
    EXPECT_EQ(e.code(), ErrorCode::kUnknownWord);
    EXPECT_EQ(e.word(), "kedi");
  }
}

}  // namespace
}  // namespace playground
