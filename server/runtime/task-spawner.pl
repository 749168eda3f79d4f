#!/usr/bin/perl
# Starts task wrappers for the server, so that the server's own process (hundreds of MB, whose
# fork took 20-30 ms of every launch) is never forked: this small process forks instead.
# Requests on stdin, each "BYTES\n" then BYTES bytes of fields joined by "\0":
#   ID, CWD, ARGC, ARGV (ARGC fields), then the environment (NAME=VALUE fields).
# Replies on stdout, one line each:
#   "forking ID" before the fork (a request without it was never acted on), "started ID PID" once
#   the program has been exec'd, "failed ID REASON" when it could not be, and "exited PID" when a
#   started process has ended (always after its "started" line).
# Each program runs in a session of its own, in CWD, with stdin, stdout and stderr on /dev/null,
# SIGTERM ignored (task-wrapper.pl restores it for the task's command) and exactly the environment
# given. At the end of stdin (the server stopped or died) this
# process exits; what it started keeps running.
use strict;
use warnings;
use POSIX ();
use Fcntl qw(F_GETFL F_SETFL O_NONBLOCK);

# A child's end wakes the main loop's select() through this pipe (written by the CHLD handler):
# a signal that came between reap() and select() would otherwise wait for select's timeout.
pipe(my $wake_read, my $wake_write) or die "pipe: $!";
for my $end ($wake_read, $wake_write) {
    fcntl($end, F_SETFL, fcntl($end, F_GETFL, 0) | O_NONBLOCK) or die "fcntl: $!";
}
$SIG{CHLD} = sub { syswrite($wake_write, '.') };
# A server that went away ends this process through the failed write, not a signal.
$SIG{PIPE} = 'IGNORE';

sub reply {
    my ($line) = @_;
    syswrite(STDOUT, "$line\n") or exit 0;
}

sub reap {
    while ((my $pid = waitpid(-1, POSIX::WNOHANG())) > 0) {
        reply("exited $pid");
    }
}

sub start {
    my ($id, $cwd, $argc, @rest) = @_;
    my @argv = splice(@rest, 0, $argc);
    my %env = map { split(/=/, $_, 2) } @rest;
    # Closed by a successful exec (perl opens it close-on-exec); carries the reason otherwise.
    pipe(my $status_read, my $status_write) or return reply("failed $id pipe: $!");
    reply("forking $id");
    my $pid = fork();
    return reply("failed $id fork: $!") unless defined $pid;
    if ($pid == 0) {
        close $status_read;
        $SIG{$_} = 'DEFAULT' for qw(CHLD PIPE);
        # Ignored across the exec: a stop's SIGTERM to the group, sent before the task wrapper has
        # set up its own handling, cannot end it before it has copied the task's output.
        $SIG{TERM} = 'IGNORE';
        eval {
            POSIX::setsid() or die "setsid: $!\n";
            chdir($cwd) or die "chdir $cwd: $!\n";
            open(STDIN, '<', '/dev/null') or die "/dev/null: $!\n";
            open(STDOUT, '>', '/dev/null') or die "/dev/null: $!\n";
            open(STDERR, '>', '/dev/null') or die "/dev/null: $!\n";
            %ENV = %env;
            exec { $argv[0] } @argv or die "$argv[0]: $!\n";
        };
        syswrite($status_write, $@ || 'exec failed');
        POSIX::_exit(127);
    }
    close $status_write;
    my $reason = '';
    for (;;) {
        my $got = sysread($status_read, $reason, 4096, length $reason);
        next if !defined $got && $!{EINTR};
        last unless $got;
    }
    close $status_read;
    if ($reason eq '') {
        reply("started $id $pid");
        return;
    }
    waitpid($pid, 0);
    chomp $reason;
    $reason =~ s/\n/ /g;
    reply("failed $id $reason");
}

my $buffer = '';
for (;;) {
    reap();
    my $wanted = '';
    vec($wanted, fileno(STDIN), 1) = 1;
    vec($wanted, fileno($wake_read), 1) = 1;
    next if select(my $readable = $wanted, undef, undef, undef) <= 0;
    # Drained here, reaped at the top of the loop.
    1 while vec($readable, fileno($wake_read), 1) && (sysread($wake_read, my $drained, 4096) // 0) > 0;
    next unless vec($readable, fileno(STDIN), 1);
    my $got = sysread(STDIN, $buffer, 65536, length $buffer);
    next if !defined $got && $!{EINTR};
    exit 0 unless $got;
    while ($buffer =~ /^(\d+)\n/) {
        my ($bytes, $header) = ($1, length($1) + 1);
        last if length($buffer) < $header + $bytes;
        my $record = substr($buffer, $header, $bytes);
        substr($buffer, 0, $header + $bytes) = '';
        start(split(/\0/, $record, -1));
    }
}
