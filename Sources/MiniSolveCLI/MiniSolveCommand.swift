public enum MiniSolveCommand {
  public static func main() {}
}
