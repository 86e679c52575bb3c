// Mock of POCO Data's Poco/Data/Extraction.h: into() receives a column of
// the result when the statement executes.
#ifndef MOCK_POCO_DATA_EXTRACTION_H
#define MOCK_POCO_DATA_EXTRACTION_H
#include <memory>
namespace Poco {
namespace Data {

class AbstractExtraction {
public:
  typedef std::shared_ptr<AbstractExtraction> Ptr;
  virtual ~AbstractExtraction() {}
};

template <class T> class Extraction : public AbstractExtraction {
public:
  explicit Extraction(T &result) : _rResult(result) {}
private:
  T &_rResult;
};

namespace Keywords {
template <typename T> inline AbstractExtraction::Ptr into(T &t) {
  return AbstractExtraction::Ptr(new Extraction<T>(t));
}
} // namespace Keywords

} // namespace Data
} // namespace Poco
#endif
