namespace CooperationModel.LoadDriver;
public static class Program { public static int Main() => 0; }
