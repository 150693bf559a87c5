import MiniSolveSolver
import Synchronization

/// Keeps the latest statistics a solver reported, for `--verbose`.
final class StatisticsCollector: SolverObserver {
  private let latest = Mutex(SolverStatistics())

  func solverSearched(_ statistics: SolverStatistics) {
    latest.withLock { $0 = statistics }
  }

  var statistics: SolverStatistics { latest.withLock { $0 } }
}
