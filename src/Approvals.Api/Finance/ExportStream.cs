using System.IO.Pipelines;
using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Approvals.Api;

/// <summary>
/// Runs an export's synchronous writer (the row functions of <c>Approvals.Finance</c>, over a blocking enumeration of
/// the streamed dossiers) on a thread of its own, and copies what it writes to the response as it comes: the memory
/// held is the pipe's window, not the file.
/// </summary>
public static class ExportStream
{
    public static PushStreamHttpResult Text(Action<TextWriter> write, string contentType, string fileName) =>
        TypedResults.Stream(async body =>
        {
            var pipe = new Pipe();
            var writing = Task.Factory.StartNew(() =>
            {
                try
                {
                    using (var writer = new StreamWriter(pipe.Writer.AsStream(leaveOpen: true), new UTF8Encoding(false), 64 * 1024))
                    {
                        write(writer);
                    }

                    pipe.Writer.Complete();
                }
                catch (Exception fault)
                {
                    pipe.Writer.Complete(fault);
                }
            }, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);
            try
            {
                await pipe.Reader.CopyToAsync(body);
            }
            finally
            {
                // A client gone stops the writer too: its dossiers are read under the request's cancellation.
                await pipe.Reader.CompleteAsync();
                await writing;
            }
        }, contentType, fileName);

    /// <summary>A workbook's package needs a seekable stream: a temporary file, deleted once sent, rather than the heap.</summary>
    public static async Task<FileStreamHttpResult> File(Action<Stream> write, string contentType, string fileName)
    {
        var file = new FileStream(Path.Combine(Path.GetTempPath(), Path.GetRandomFileName()), FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None,
            64 * 1024, FileOptions.DeleteOnClose);
        try
        {
            await Task.Factory.StartNew(() => write(file), CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);
            file.Position = 0;
            return TypedResults.Stream(file, contentType, fileName);
        }
        catch
        {
            await file.DisposeAsync();
            throw;
        }
    }
}
