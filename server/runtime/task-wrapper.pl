#!/usr/bin/perl
# Runs one task instance: `bash -c COMMAND` as a child, copies its stdout and stderr into log files
# capped at LOG_MAX_BYTES each (the full file is renamed to *.1, replacing the older one), and
# writes how the command ended to TASK_DIR/exit-status ("exit N" or "signal N"), so that a
# restarted server learns the real outcome even if it was down when the task ended.
# Usage: perl task-wrapper.pl TASK_DIR LOG_MAX_BYTES COMMAND   (working directory: the task's)
use strict;
use warnings;

my ($task_dir, $max_bytes, $command) = @ARGV;
my $WNOHANG = 1;

# A stop sends SIGTERM to the whole process group: it is meant for the command, and the wrapper
# keeps copying output until the command has gone.
$SIG{TERM} = 'IGNORE';

pipe(my $out_read, my $out_write) or die "pipe: $!";
pipe(my $err_read, my $err_write) or die "pipe: $!";
my $pid = fork();
die "fork: $!" unless defined $pid;
if ($pid == 0) {
    $SIG{TERM} = 'DEFAULT';
    close $out_read;
    close $err_read;
    open(STDOUT, '>&', $out_write) or exit 126;
    open(STDERR, '>&', $err_write) or exit 126;
    close $out_write;
    close $err_write;
    exec('bash', '-c', $command) or exit 127;
}
close $out_write;
close $err_write;

my %logs = (
    fileno($out_read) => { fh => $out_read, path => "$task_dir/stdout.log" },
    fileno($err_read) => { fh => $err_read, path => "$task_dir/stderr.log" },
);
open_log($_) for values %logs;

sub open_log {
    my ($log) = @_;
    open($log->{out}, '>>', $log->{path}) or die "open $log->{path}: $!";
    $log->{size} = -s $log->{out} || 0;
}

sub append {
    my ($log, $data) = @_;
    if ($log->{size} > 0 && $log->{size} + length($data) > $max_bytes) {
        close $log->{out};
        rename($log->{path}, "$log->{path}.1");
        open_log($log);
    }
    syswrite($log->{out}, $data);
    $log->{size} += length($data);
}

my $status;
my $drain_rounds = 0;
while (%logs) {
    my $wanted = '';
    vec($wanted, $_, 1) = 1 for keys %logs;
    # Once the command has exited, read only what is already buffered: background processes it
    # left behind may hold the pipes open.
    my $ready = select(my $readable = $wanted, undef, undef, defined $status ? 0 : 0.5);
    last if defined $status && ($ready <= 0 || ++$drain_rounds > 64);
    if ($ready > 0) {
        for my $fd (keys %logs) {
            next unless vec($readable, $fd, 1);
            my $got = sysread($logs{$fd}{fh}, my $data, 65536);
            if ($got) {
                append($logs{$fd}, $data);
            } else {
                close $logs{$fd}{out};
                delete $logs{$fd};
            }
        }
    }
    $status = $? if !defined $status && waitpid($pid, $WNOHANG) == $pid;
}
if (!defined $status) {
    waitpid($pid, 0);
    $status = $?;
}

my $outcome = ($status & 127) ? 'signal ' . ($status & 127) : 'exit ' . ($status >> 8);
open(my $record, '>', "$task_dir/exit-status.tmp") or die "open: $!";
print $record "$outcome\n";
close $record;
rename("$task_dir/exit-status.tmp", "$task_dir/exit-status") or die "rename: $!";
exit 0;
