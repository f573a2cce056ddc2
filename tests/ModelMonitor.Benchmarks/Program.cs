Console.WriteLine("usage: ingest");
return 0;
