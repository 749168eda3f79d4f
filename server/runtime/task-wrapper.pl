#!/usr/bin/perl
# Runs one task instance: ARGV (`bash -c COMMAND`, or that inside a sandbox) as a child, copies its
# stdout and stderr into log files capped at LOG_MAX_BYTES each (the full file is renamed to *.1,
# replacing the older one), and writes how the command ended to TASK_DIR/exit-status ("exit N" or
# "signal N"), so that a restarted server learns the real outcome even if it was down when the
# task ended. The child joins the task's cgroups (CGROUP_PROCS: files joined by ":") before it
# starts ARGV, so that everything the task starts is in them. In MODE "sandbox" the child gets
# fd 3 (TASK_DIR/command-status, where the sandbox records how the command ended) and fd 4
# (TASK_DIR/sandbox.json, bubblewrap's report of its namespaces); the wrapper itself stays outside.
# Usage: perl task-wrapper.pl TASK_DIR LOG_MAX_BYTES MODE CGROUP_PROCS ARGV...
#    or: perl task-wrapper.pl TASK_DIR LOG_MAX_BYTES COMMAND
use strict;
use warnings;
use POSIX ();

my ($task_dir, $max_bytes, @rest) = @ARGV;
# The short form (TASK_DIR LOG_MAX_BYTES COMMAND) runs `bash -c COMMAND` as it is (Slurm's tasks).
my ($mode, $cgroup_procs, @argv) = @rest == 1 ? ('plain', '', 'bash', '-c', $rest[0]) : @rest;
my $WNOHANG = 1;
unlink("$task_dir/command-status", "$task_dir/sandbox.json");

# A stop sends SIGTERM to the whole process group: it is meant for the command, and the wrapper
# keeps copying output until the command has gone.
$SIG{TERM} = 'IGNORE';

pipe(my $out_read, my $out_write) or die "pipe: $!";
pipe(my $err_read, my $err_write) or die "pipe: $!";
my $pid = fork();
die "fork: $!" unless defined $pid;
if ($pid == 0) {
    # In the sandbox, SIGTERM stays ignored up to the recorder, which restores it for the command.
    $SIG{TERM} = 'DEFAULT' unless $mode eq 'sandbox';
    close $out_read;
    close $err_read;
    for my $procs (grep { length } split(/:/, $cgroup_procs)) {
        open(my $join, '>', $procs) or exit 125;
        print $join "$$\n";
        close $join or exit 125;
    }
    open(STDOUT, '>&', $out_write) or exit 126;
    open(STDERR, '>&', $err_write) or exit 126;
    close $out_write;
    close $err_write;
    umask(022);    # the server's own 077 is not the command's
    # After the pipes are gone, so that 3 and 4 are free; open until the exec.
    my ($status, $info);
    if ($mode eq 'sandbox') {
        $^F = 4;    # fds up to 4 stay open across exec
        open($status, '>', "$task_dir/command-status") or exit 125;
        open($info, '>', "$task_dir/sandbox.json") or exit 125;
        POSIX::dup2(fileno($status), 3) or exit 125;
        POSIX::dup2(fileno($info), 4) or exit 125;
        delete $ENV{PAI_CONTAINER_ID};    # the sandbox sets it for the command only
    }
    exec { $argv[0] } @argv or exit 127;
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
if ($mode eq 'sandbox' && open(my $recorded, '<', "$task_dir/command-status")) {
    my $line = <$recorded>;
    $outcome = $1 if defined $line && $line =~ /^((?:exit|signal) \d+)$/;
}
open(my $record, '>', "$task_dir/exit-status.tmp") or die "open: $!";
print $record "$outcome\n";
close $record;
rename("$task_dir/exit-status.tmp", "$task_dir/exit-status") or die "rename: $!";
exit 0;
